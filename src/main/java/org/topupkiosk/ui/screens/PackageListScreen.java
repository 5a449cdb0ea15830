package org.topupkiosk.ui.screens;

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
import org.topupkiosk.ui.UiKeys;

/**
 * The operator's packages, a page at a time, each a large card (name, what it includes, for how long, price) that opens
 * its details. Big up and down arrows page through the list; nothing scrolls.
 */
public final class PackageListScreen implements ScreenView {

    static final String ICON_UP = "M0 40 L32 8 L64 40 L54 50 L32 28 L10 50 Z";
    static final String ICON_DOWN = "M0 18 L10 8 L32 30 L54 8 L64 18 L32 50 Z";

    private final VBox root;
    private final Label title = Ui.label("title");
    private final javafx.scene.layout.GridPane cards = new javafx.scene.layout.GridPane();
    private boolean landscape;
    private final Button up = Ui.button("packages-up", "page-arrow");
    private final Button down = Ui.button("packages-down", "page-arrow");
    private final Label page = Ui.label("hint");
    private final Consumer<FlowCommand> send;
    private final List<Card> pool = new ArrayList<>();

    public PackageListScreen(Consumer<FlowCommand> send) {
        this.send = send;
        cards.getStyleClass().add("package-cards");
        cards.setMaxHeight(Region.USE_PREF_SIZE);
        setLandscape(false);
        up.setGraphic(Ui.icon(ICON_UP, "key-icon"));
        down.setGraphic(Ui.icon(ICON_DOWN, "key-icon"));
        up.setOnAction(e -> send.accept(new FlowCommand.Page(-1)));
        down.setOnAction(e -> send.accept(new FlowCommand.Page(1)));
        page.setId("packages-page");
        HBox pager = new HBox(up, page, down);
        pager.getStyleClass().add("pager");
        pager.setAlignment(Pos.CENTER);
        root = Ui.column(title, cards, pager);
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
        cards.getChildren().clear();
        for (int i = 0; i < items.size(); i++) {
            ServicesView.PackageView p = items.get(i);
            Card c = pool.get(i);
            c.productId = p.id();
            c.button.setId("package-" + p.id());
            c.name.setText(p.title());
            c.contents.setText(PackageTexts.contents(p, t));
            c.badge.setText(PackageTexts.kind(p, t) + " · " + PackageTexts.period(p, t));
            c.price.setText(t.money(p.price()));
            int columns = landscape ? 2 : 1;
            cards.add(c.button, i % columns, i / columns);
        }
        int pages = v == null ? 1 : v.pages();
        int current = v == null ? 0 : v.page();
        page.setText(t.get(UiKeys.PACKAGES_PAGE, Integer.toString(current + 1), Integer.toString(pages)));
        up.setDisable(current <= 0);
        down.setDisable(current >= pages - 1);
        up.setAccessibleText(t.get(UiKeys.PACKAGES_UP));
        down.setAccessibleText(t.get(UiKeys.PACKAGES_DOWN));
        Ui.show(up.getParent(), pages > 1);
    }

    /** One column of cards in portrait; two in landscape, where the screen is short. */
    @Override
    public void setLandscape(boolean landscape) {
        this.landscape = landscape;
        cards.getColumnConstraints().clear();
        int columns = landscape ? 2 : 1;
        for (int i = 0; i < columns; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            cards.getColumnConstraints().add(c);
        }
        java.util.List<Node> shown = new java.util.ArrayList<>(cards.getChildren());
        cards.getChildren().clear();
        for (int i = 0; i < shown.size(); i++) {
            cards.add(shown.get(i), i % columns, i / columns);
        }
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()), null);
    }
}
