package org.topupkiosk.ui.screens.sim;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * Where and how the SIM goes in, drawn in paths (no image files, no font glyphs): the card with its cut corner first
 * and its gold contacts, a big arrow, and the reader's slot under it. Colours are in sim.css ({@code .sim-*}).
 */
final class SimPicture {

    /** A SIM card 156 x 260 with its cut corner at the bottom left: the end that goes in first. */
    static final String CARD = "M182 20 H338 V280 H214 L182 248 Z";
    /** The contact pad: a gold plate with its six contacts split by grooves. */
    static final String CHIP = "M212 110 H308 V206 H212 Z";
    static final String CHIP_GROOVES = "M212 140 H250 V146 H212 Z M270 140 H308 V146 H270 Z M212 170 H250 V176 H212 Z "
            + "M270 170 H308 V176 H270 Z M256 110 H264 V206 H256 Z";
    static final String ARROW = "M244 292 H276 V330 H306 L260 376 L214 330 H244 Z";
    /** The reader's face under the screen, and its slot. */
    static final String READER = "M44 384 H476 A24 24 0 0 1 500 408 V470 H20 V408 A24 24 0 0 1 44 384 Z";
    static final String SLOT = "M168 400 H352 V418 H168 Z";

    private SimPicture() {}

    /** Drawn at 520 x 470; scaled inside an outer group so the layout makes room for the scaled size. */
    static StackPane create() {
        Group drawing = new Group(path(READER, "sim-reader"), path(SLOT, "sim-slot"), path(CARD, "sim-card"),
                path(CHIP, "sim-chip"), path(CHIP_GROOVES, "sim-chip-grooves"), path(ARROW, "sim-arrow"));
        StackPane pane = new StackPane(new Group(drawing));
        pane.getStyleClass().add("sim-picture");
        pane.setId("sim-picture");
        scale(pane, false);
        return pane;
    }

    /** Large in portrait, where the picture has the lower half of the screen; smaller beside the words when wide. */
    static void scale(StackPane pane, boolean landscape) {
        Node drawing = ((Group) pane.getChildren().get(0)).getChildren().get(0);
        double f = landscape ? 1.3 : 1.6;
        drawing.setScaleX(f);
        drawing.setScaleY(f);
    }

    private static SVGPath path(String content, String styleClass) {
        SVGPath p = new SVGPath();
        p.setContent(content);
        p.getStyleClass().add(styleClass);
        return p;
    }
}
