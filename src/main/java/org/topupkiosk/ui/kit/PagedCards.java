package org.topupkiosk.ui.kit;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.topupkiosk.flow.core.FlowCommand;

/**
 * A long list shown a page at a time (SCREENS.md: nothing scrolls, long lists page with big arrows): the cards in one
 * column in portrait and two in landscape, where the screen is short, and the pager under them with "page n of m".
 * The flow decides what is on the page; the arrows send {@link org.topupkiosk.flow.core.FlowCommand.Page}. Shared by the package, e-PIN/eSIM
 * offer and recent-payment lists; ids are {@code <prefix>-up}, {@code <prefix>-down} and {@code <prefix>-page}.
 */
public final class PagedCards {

    public static final String ICON_UP = "M0 40 L32 8 L64 40 L54 50 L32 28 L10 50 Z";
    public static final String ICON_DOWN = "M0 18 L10 8 L32 30 L54 8 L64 18 L32 50 Z";

    private final GridPane cards = new GridPane();
    private final Button up;
    private final Button down;
    private final Label page = Ui.label("hint");
    private final HBox pager;
    private int columns = 1;

    public PagedCards(String idPrefix, String cardsStyle, Consumer<FlowCommand> send) {
        cards.getStyleClass().add(cardsStyle);
        cards.setMaxHeight(Region.USE_PREF_SIZE);
        up = Ui.button(idPrefix + "-up", "page-arrow");
        down = Ui.button(idPrefix + "-down", "page-arrow");
        up.setGraphic(Ui.icon(ICON_UP, "key-icon"));
        down.setGraphic(Ui.icon(ICON_DOWN, "key-icon"));
        up.setOnAction(e -> send.accept(new FlowCommand.Page(-1)));
        down.setOnAction(e -> send.accept(new FlowCommand.Page(1)));
        page.setId(idPrefix + "-page");
        pager = new HBox(up, page, down);
        pager.getStyleClass().add("pager");
        pager.setAlignment(Pos.CENTER);
        setLandscape(false);
    }

    /** The grid of cards, for the screen's column. */
    public Node cards() {
        return cards;
    }

    /** The arrows and "page n of m", for the screen's column. */
    public Node pager() {
        return pager;
    }

    /** The cards of the current page, in reading order. */
    public void show(List<? extends Node> page) {
        cards.getChildren().clear();
        for (int i = 0; i < page.size(); i++) {
            cards.add(page.get(i), i % columns, i / columns);
        }
    }

    /**
     * Page {@code current} (from 0) of {@code pages}: the arrows at the ends are off, and the pager is hidden when there
     * is one page. {@code pageText} says "n of m" in the customer's language.
     */
    public void setPage(int current, int pages, String pageText, String upText, String downText) {
        page.setText(pageText);
        up.setDisable(current <= 0);
        down.setDisable(current >= pages - 1);
        up.setAccessibleText(upText);
        down.setAccessibleText(downText);
        Ui.show(pager, pages > 1);
    }

    public void setLandscape(boolean landscape) {
        columns = landscape ? 2 : 1;
        cards.getColumnConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(c);
        }
        show(List.copyOf(cards.getChildren()));
    }
}
