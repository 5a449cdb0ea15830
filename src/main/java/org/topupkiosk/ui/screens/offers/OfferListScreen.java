package org.topupkiosk.ui.screens.offers;

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
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.PagedCards;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * Offers a page at a time, each a large card (name, what it includes, price) that opens it; big arrows page, nothing
 * scrolls. The operator's packages (their cards also name the kind and period) or the carrier's e-PIN nominals and
 * eSIM plans.
 */
public final class OfferListScreen extends ColumnScreen {

    /** One card's content. {@code badge} is null for offers that have none. */
    private record Offer(String id, String name, String contents, String badge, Money price) {}

    private final boolean goods;
    private final PagedCards list;
    private final Consumer<FlowCommand> send;
    private final List<Card> pool = new ArrayList<>();

    private OfferListScreen(Consumer<FlowCommand> send, boolean goods) {
        this.send = send;
        this.goods = goods;
        list = new PagedCards(goods ? "goods" : "packages", "package-cards", send);
        layout(title, list.cards(), list.pager());
    }

    /** The operator's packages. */
    public static OfferListScreen forPackages(Consumer<FlowCommand> send) {
        return new OfferListScreen(send, false);
    }

    /** e-PIN nominals or eSIM plans. */
    public static OfferListScreen forGoods(Consumer<FlowCommand> send) {
        return new OfferListScreen(send, true);
    }

    /** One card; reused across pages. */
    private final class Card {
        final Button button = Ui.button(null, "package-card");
        final Label name = Ui.label("package-name");
        final Label contents = Ui.label("body");
        final Label badge = Ui.label("package-badge");
        final Label price = Ui.label("package-price");
        String productId;

        Card() {
            // A wrapping label asks for its height at its preferred width; without one it measures itself as a
            // one-word column and the card grows tall.
            double width = goods ? 600 : 640;
            for (Label l : new Label[] {name, contents}) {
                l.setMinWidth(width);
                l.setPrefWidth(width);
                l.setMaxWidth(width);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            VBox left = goods ? new VBox(name, contents) : new VBox(name, contents, badge);
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
                if (productId != null) {
                    send.accept(new FlowCommand.ChooseProduct(productId));
                }
            });
        }
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        List<Offer> items = new ArrayList<>();
        int pages = 1;
        int current = 0;
        if (goods) {
            GoodsView g = GoodsTexts.goods(s);
            title.setText(t.get(GoodsTexts.esim(s) ? UiKeys.GOODS_LIST_TITLE_ESIM : UiKeys.GOODS_LIST_TITLE_EPIN));
            if (g != null) {
                for (GoodsView.Offer o : g.offers()) {
                    items.add(new Offer(o.id(), o.title(), GoodsTexts.contents(o, t), null, o.price()));
                }
                pages = g.pages();
                current = g.page();
            }
        } else {
            ServicesView v = s.services();
            title.setText(t.get(UiKeys.PACKAGES_TITLE));
            if (v != null) {
                for (ServicesView.PackageView p : v.packages()) {
                    items.add(new Offer(p.id(), p.title(), PackageTexts.contents(p, t),
                            PackageTexts.kind(p, t) + " · " + PackageTexts.period(p, t), p.price()));
                }
                pages = v.pages();
                current = v.page();
            }
        }
        while (pool.size() < items.size()) {
            pool.add(new Card());
        }
        List<Node> shown = new ArrayList<>();
        String idPrefix = goods ? "goods-" : "package-";
        for (int i = 0; i < items.size(); i++) {
            Offer o = items.get(i);
            Card c = pool.get(i);
            c.productId = o.id();
            c.button.setId(idPrefix + o.id());
            c.name.setText(o.name());
            c.contents.setText(o.contents());
            if (o.badge() != null) {
                c.badge.setText(o.badge());
            }
            c.price.setText(t.money(o.price()));
            shown.add(c.button);
        }
        list.show(shown);
        list.setPage(current, pages, t.get(UiKeys.PACKAGES_PAGE, Integer.toString(current + 1), Integer.toString(pages)),
                t.get(UiKeys.PACKAGES_UP), t.get(UiKeys.PACKAGES_DOWN));
    }

    /** One column of cards in portrait; two in landscape, where the screen is short. */
    @Override
    public void setLandscape(boolean landscape) {
        list.setLandscape(landscape);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOver(null);
    }
}
