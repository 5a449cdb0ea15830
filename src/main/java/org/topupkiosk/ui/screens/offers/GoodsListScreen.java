package org.topupkiosk.ui.screens.offers;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.PagedCards;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.GoodsView;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The carrier's e-PIN nominals or eSIM plans, a page at a time, each a large card (name, what it includes, price)
 * that opens it. Big arrows page; nothing scrolls.
 */
public final class GoodsListScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title");
    private final PagedCards list;
    private final Consumer<FlowCommand> send;
    private final List<Card> pool = new ArrayList<>();

    public GoodsListScreen(Consumer<FlowCommand> send) {
        this.send = send;
        list = new PagedCards("goods", "package-cards", send);
        root = Ui.column(title, list.cards(), list.pager());
    }

    private final class Card {
        final Button button = Ui.button(null, "package-card");
        final Label name = Ui.label("package-name");
        final Label contents = Ui.label("body");
        final Label price = Ui.label("package-price");
        String id;

        Card() {
            for (Label l : new Label[] {name, contents}) {
                l.setMinWidth(600);
                l.setPrefWidth(600);
                l.setMaxWidth(600);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            VBox left = new VBox(name, contents);
            left.getStyleClass().add("package-left");
            HBox.setHgrow(left, Priority.ALWAYS);
            price.setWrapText(false);
            price.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(left, price);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("package-row");
            button.setGraphic(row);
            button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMaxHeight(Region.USE_PREF_SIZE);
            row.prefWidthProperty().bind(button.widthProperty().subtract(64));
            button.setOnAction(e -> {
                if (id != null) {
                    send.accept(new FlowCommand.ChooseProduct(id));
                }
            });
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        GoodsView g = GoodsTexts.goods(s);
        title.setText(t.get(GoodsTexts.esim(s) ? UiKeys.GOODS_LIST_TITLE_ESIM : UiKeys.GOODS_LIST_TITLE_EPIN));
        List<GoodsView.Offer> items = g == null ? List.of() : g.offers();
        while (pool.size() < items.size()) {
            pool.add(new Card());
        }
        List<Node> shown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            GoodsView.Offer o = items.get(i);
            Card c = pool.get(i);
            c.id = o.id();
            c.button.setId("goods-" + o.id());
            c.name.setText(o.title());
            c.contents.setText(GoodsTexts.contents(o, t));
            c.price.setText(t.money(o.price()));
            shown.add(c.button);
        }
        list.show(shown);
        int pages = g == null ? 1 : g.pages();
        int current = g == null ? 0 : g.page();
        list.setPage(current, pages, t.get(UiKeys.PACKAGES_PAGE, Integer.toString(current + 1), Integer.toString(pages)),
                t.get(UiKeys.PACKAGES_UP), t.get(UiKeys.PACKAGES_DOWN));
    }

    @Override
    public void setLandscape(boolean landscape) {
        list.setLandscape(landscape);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()), null);
    }
}
