package org.topupkiosk.ui.service;

import static org.topupkiosk.ui.service.ServiceWidgets.text;

import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.service.CashCount;
import org.topupkiosk.flow.service.Encashed;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;

/** The cash box section: the count by denomination, then "take the cash" behind a confirmation; the report prints. */
final class EncashmentSection extends MenuSection {


    EncashmentSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    @Override
    void open() {
        open(null);
    }

    private record View(CashCount count, CashCount last) {}

    /** {@code outcome} is built per language, so switching language keeps the whole section in one language. */
    private void open(Function<Texts, Label> outcome) {
        card.load(desk.cashBox().thenCombine(desk.lastEncashment(), View::new), (v, out) -> {
            Texts texts = card.texts();
            if (outcome != null) {
                out.add(outcome.apply(texts));
            }
            CashCount count = v.count();
            Label since = text("service-row-title", v.last() == null ? texts.get(ServiceKeys.ENCASH_NEVER)
                    : texts.get(ServiceKeys.ENCASH_SINCE, v.last().id(), ServiceWidgets.time(v.last().at())));
            since.setWrapText(true);
            out.add(since);
            if (count.notes().isEmpty()) {
                out.add(text("body", texts.get(ServiceKeys.ENCASH_EMPTY)));
            }
            for (CashCount.NoteRow n : count.notes()) {
                Label row = text("service-note-row", texts.get(ServiceKeys.ENCASH_NOTE_ROW, n.note(), n.count(),
                        n.amount()));
                row.setId("service-note-" + n.note().wholeUnits());
                out.add(row);
            }
            Label total = text("service-total", texts.get(ServiceKeys.ENCASH_TOTAL, count.total(),
                    count.noteCount()));
            total.setId("service-encashment-total");
            out.add(total);
            // One button a row: the Russian labels are long, and a cut label on a money action is not acceptable.
            Button run = ServiceWidgets.action(texts, "service-encash", ServiceKeys.ENCASH_RUN, this::ask);
            run.setMaxWidth(Double.MAX_VALUE);
            VBox actions = new VBox(run);
            if (v.last() != null) {
                Button again = ServiceWidgets.button(texts, "service-encash-reprint", ServiceKeys.ENCASH_REPRINT,
                        this::reprint, "bar-button");
                again.setMaxWidth(Double.MAX_VALUE);
                actions.getChildren().add(again);
            }
            actions.getStyleClass().add("service-actions");
            actions.setFillWidth(true);
            out.add(actions);
        });
    }

    private void ask() {
        card.replace(t -> {
            Label body = text("body", t.get(ServiceKeys.ENCASH_CONFIRM_BODY));
            body.setWrapText(true);
            return ServiceWidgets.confirm(t, "service-encash", ServiceKeys.MENU_ENCASHMENT, body,
                    ServiceKeys.ENCASH_CONFIRM, "primary", this::open, this::encash);
        });
    }

    private void encash() {
        card.await(desk.encash(card.texts().lang(), "service menu"), (done, err) -> open(outcome(done, err)));
    }

    private void reprint() {
        card.await(desk.reprintEncashment(card.texts().lang()), (done, err) ->
                open(err == null && done.isEmpty() ? t -> text("service-warn", t.get(ServiceKeys.ENCASH_NONE_YET))
                        : outcome(done == null ? null : done.get(), err)));
    }

    private static Function<Texts, Label> outcome(Encashed done, Throwable err) {
        return t -> {
            Label l;
            if (err != null) {
                l = ServiceWidgets.failed(t, err);
            } else if (done.printed()) {
                l = text("service-good", t.get(ServiceKeys.ENCASH_DONE, done.encashment().id(),
                        done.encashment().total()));
            } else {
                l = text("service-bad", t.get(ServiceKeys.ENCASH_NOT_PRINTED));
            }
            l.setWrapText(true);
            l.setId("service-encash-result");
            return l;
        };
    }
}
