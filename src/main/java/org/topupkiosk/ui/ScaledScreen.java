package org.topupkiosk.ui;

import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Shows the kiosk at its real logical size (1080x1920, or 1920x1080 in landscape), scaled uniformly to fit and
 * centred, so the simulation window looks like the device whatever the window size.
 */
final class ScaledScreen extends Region {

    private final KioskView view;
    private final double logicalWidth;
    private final double logicalHeight;
    private final Scale scale = new Scale(1, 1, 0, 0);

    ScaledScreen(KioskView view, double logicalWidth, double logicalHeight) {
        this.view = view;
        this.logicalWidth = logicalWidth;
        this.logicalHeight = logicalHeight;
        getStyleClass().add("scaled-screen");
        setStyle("-fx-background-color: #111827;");
        view.getTransforms().add(scale);
        getChildren().add(view);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    double scale() {
        return scale.getX();
    }

    @Override
    protected double computePrefWidth(double height) {
        return logicalWidth / 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return logicalHeight / 2;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        double s = Math.min(getWidth() / logicalWidth, getHeight() / logicalHeight);
        if (!(s > 0)) {
            s = 0.01;
        }
        scale.setX(s);
        scale.setY(s);
        view.resize(logicalWidth, logicalHeight);
        view.relocate((getWidth() - logicalWidth * s) / 2, (getHeight() - logicalHeight * s) / 2);
    }
}
