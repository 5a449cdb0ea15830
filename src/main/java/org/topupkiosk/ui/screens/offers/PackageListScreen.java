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
import org.topupkiosk.flow.ServicesView;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The operator's packages, a page at a time, each a large card (name, what it includes, for how long, price) that opens
 * its details. Big up and down arrows page through the list; nothing scrolls.
 */
public final class PackageListScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title");
    private final PagedCards list;
    private final Consumer<FlowCommand> send;
    private final List<Card> pool = new ArrayList<>();

    public PackageListScreen(Consumer<FlowCommand> send) {
        this.send = send;
        list = new PagedCards("packages", "package-cards", send);
        root = Ui.column(title, list.cards(), list.pager());
    }

    /** One package card; reused across pages. */
    private final class Card {
        final Button button = Ui.button(null, "package-card");
        final Label name = Ui.label("package-name");
        final Label contents = Ui.label("body");
        final Label badge = Ui.label("package-badge");
        final Label price = Ui.label("package-price");
        String productId;

        Card() {
            name.setWrapText(true);
            // A wrapping label asks for its height at its preferred width; without one it measures itself as a
            // one-word column and the card grows tall.
            for (Label l : new Label[] {name, contents}) {
                l.setMinWidth(640);
                l.setPrefWidth(640);
                l.setMaxWidth(640);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            VBox left = new VBox(name, contents, badge);
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
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.PACKAGES_TITLE));
        ServicesView v = s.services();
        List<ServicesView.PackageView> items = v == null ? List.of() : v.packages();
        while (pool.size() < items.size()) {
            pool.add(new Card());
        }
        List<Node> shown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ServicesView.PackageView p = items.get(i);
            Card c = pool.get(i);
            c.productId = p.id();
            c.button.setId("package-" + p.id());
            c.name.setText(p.title());
            c.contents.setText(PackageTexts.contents(p, t));
            c.badge.setText(PackageTexts.kind(p, t) + " · " + PackageTexts.period(p, t));
            c.price.setText(t.money(p.price()));
            shown.add(c.button);
        }
        list.show(shown);
        int pages = v == null ? 1 : v.pages();
        int current = v == null ? 0 : v.page();
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
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()), null);
    }
}
