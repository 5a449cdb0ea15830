package org.topupkiosk.ui.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/** The few pieces every section of the service menu is built from. */
final class ServiceWidgets {

    /** At most this many lines of a list (receipts, violations, test output) in the card. */
    static final int MAX_ROWS = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private ServiceWidgets() {}

    static Label text(String style, String s) {
        Label l = Ui.label(style);
        l.setText(s);
        return l;
    }

    /** "Good" or "bad" text by {@code ok}, with {@code id}. */
    static Label verdict(String id, boolean ok, String good, String bad) {
        Label l = ok ? text("service-good", good) : text("service-bad", bad);
        l.setId(id);
        return l;
    }

    /** "Failed: reason" for a call that threw. */
    static Label failed(Texts t, Throwable err) {
        Throwable cause = err.getCause() != null ? err.getCause() : err;
        return text("service-bad", t.get(ServiceKeys.FAILED, String.valueOf(cause.getMessage())));
    }

    static Button action(Texts t, String id, String key, Runnable run) {
        return button(t, id, key, run, "bar-button", "primary");
    }

    static Button button(Texts t, String id, String key, Runnable run, String... styles) {
        Button b = Ui.button(id, styles);
        b.setText(t.get(key));
        b.setOnAction(e -> run.run());
        return b;
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /**
     * "Are you sure?": a title, {@code body}, then Cancel on the left and the action on the right; ids are
     * {@code idPrefix + "-cancel"} and {@code idPrefix + "-confirm"}.
     */
    static List<Node> confirm(Texts t, String idPrefix, String titleKey, Label body, String yesKey, String yesStyle,
                              Runnable no, Runnable yes) {
        HBox row = new HBox(button(t, idPrefix + "-cancel", ServiceKeys.CANCEL, no, "bar-button"), spacer(),
                button(t, idPrefix + "-confirm", yesKey, yes, "bar-button", yesStyle));
        row.getStyleClass().add("service-actions");
        return List.of(text("title", t.get(titleKey)), body, row);
    }

    static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
