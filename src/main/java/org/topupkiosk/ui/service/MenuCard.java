package org.topupkiosk.ui.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.topupkiosk.ui.kit.Texts;

/**
 * The card under the service menu's buttons, where the chosen section draws itself. A section is drawn per language
 * (a function of the texts), so switching language redraws it whole; a newer request makes an older answer stale.
 */
final class MenuCard {

    private final VBox detail = new VBox();
    private final Executor fx;
    private Texts texts;
    private Function<Texts, List<Node>> section = t -> List.of();
    private long generation;

    MenuCard(Executor fx) {
        this.fx = fx;
        detail.setId("service-detail");
        detail.getStyleClass().addAll("card", "service-detail");
        VBox.setVgrow(detail, Priority.ALWAYS);
    }

    Node node() {
        return detail;
    }

    Executor fx() {
        return fx;
    }

    /** The technician's language now. */
    Texts texts() {
        return texts;
    }

    void update(Texts t) {
        texts = t;
        render();
    }

    /** Draws {@code s} now, and again on each change of language. */
    void show(Function<Texts, List<Node>> s) {
        section = s;
        render();
    }

    /** Draws {@code s} and makes every answer still on its way stale. */
    void replace(Function<Texts, List<Node>> s) {
        generation++;
        show(s);
    }

    private void render() {
        if (texts != null) {
            detail.getChildren().setAll(section.apply(texts));
        }
    }

    /** A new request: answers to older ones are dropped. */
    long begin() {
        return ++generation;
    }

    boolean current(long request) {
        return request == generation;
    }

    /** Shows "working" now and hands the answer (or failure) to {@code then} on the FX thread, unless stale by then. */
    <T> void await(CompletableFuture<T> call, BiConsumer<T, Throwable> then) {
        long mine = begin();
        show(t -> List.of(ServiceWidgets.text("body", t.get(ServiceKeys.WORKING))));
        call.whenCompleteAsync((value, err) -> {
            if (current(mine)) {
                then.accept(value, err);
            }
        }, fx);
    }

    /** Shows "working" now and {@code view} of the answer when it comes, unless another section was chosen since. */
    <T> void load(CompletableFuture<T> call, BiConsumer<T, List<Node>> view) {
        await(call, (value, err) -> {
            if (err != null) {
                show(t -> List.of(ServiceWidgets.failed(t, err)));
            } else {
                show(t -> {
                    List<Node> nodes = new ArrayList<>();
                    view.accept(value, nodes);
                    return nodes;
                });
            }
        });
    }
}
