package org.topupkiosk.ui.service;

import static org.topupkiosk.ui.service.ServiceWidgets.text;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.topupkiosk.flow.service.FiscalDone;
import org.topupkiosk.flow.service.FiscalInfo;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;

/**
 * The fiscal register section: warnings first (FN expiring, documents unsent for over a day, paper), then the shift,
 * the FN and the unsent documents, and the actions: X report, Z report (after "are you sure?") and a copy of the last
 * fiscal document.
 */
final class FiscalSection extends MenuSection {

    /** Followed by ok, near_end, out, unknown (ServiceKeys.FISCAL_PAPER_OK ...). */
    private static final String PAPER_PREFIX = "service.fiscal.paper.";
    /** Followed by x_report, z_report, reprint_last (ServiceKeys.FISCAL_ACTION_X ...). */
    private static final String ACTION_PREFIX = "service.fiscal.action.";

    FiscalSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    @Override
    void open() {
        card.load(desk.fiscal(), this::status);
    }

    private void status(FiscalInfo f, List<Node> out) {
        Texts t = card.texts();
        if (!f.configured()) {
            out.add(wrap(text("body", t.get(ServiceKeys.FISCAL_NONE))));
            return;
        }
        for (FiscalInfo.Warning w : f.warnings()) {
            Label l = text("service-bad", warning(t, w, f));
            l.setId("service-fiscal-warning-" + w.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            out.add(wrap(l));
        }
        if (f.warnings().isEmpty()) {
            Label ok = text("service-good", t.get(ServiceKeys.FISCAL_ALL_OK));
            ok.setId("service-fiscal-ok");
            out.add(ok);
        }
        if (f.fnValidUntil().isPresent()) {
            Label shift = text("service-row-title", f.shiftOpen()
                    ? t.get(ServiceKeys.FISCAL_SHIFT_OPEN, f.shiftNumber(), hm(f.shiftAge()))
                    : t.get(ServiceKeys.FISCAL_SHIFT_CLOSED, f.shiftNumber()));
            shift.setId("service-fiscal-shift");
            out.add(shift);
            out.add(wrap(text("body", t.get(ServiceKeys.FISCAL_FN, f.fnSerial(), f.fnValidUntil().get().toString(),
                    Long.toString(f.fnDaysLeft())))));
            out.add(wrap(text("body", f.unsent() == 0 ? t.get(ServiceKeys.FISCAL_UNSENT_NONE)
                    : t.get(ServiceKeys.FISCAL_UNSENT, f.unsent(), hm(f.oldestUnsent())))));
            if (f.paper() != FiscalInfo.Paper.OK) { // near end and out are warnings above too
                out.add(wrap(text("body", t.get(ServiceKeys.FISCAL_PAPER, t.get(PAPER_PREFIX
                        + f.paper().name().toLowerCase(Locale.ROOT))))));
            }
        }
        HBox actions = new HBox(
                ServiceWidgets.action(t, "service-fiscal-x", ServiceKeys.FISCAL_X, () -> run(FiscalDone.Action.X_REPORT)),
                ServiceWidgets.button(t, "service-fiscal-z", ServiceKeys.FISCAL_Z, () -> confirmZ(f), "bar-button",
                        "danger"),
                ServiceWidgets.button(t, "service-fiscal-reprint", ServiceKeys.FISCAL_REPRINT,
                        () -> run(FiscalDone.Action.REPRINT_LAST), "bar-button"));
        actions.getStyleClass().add("service-fiscal-actions");
        out.add(actions);
    }

    private void confirmZ(FiscalInfo f) {
        card.show(t -> ServiceWidgets.confirm(t, "service-fiscal-z", ServiceKeys.FISCAL_Z_CONFIRM,
                text("body", t.get(ServiceKeys.FISCAL_Z_CONFIRM_BODY, f.shiftNumber())), ServiceKeys.FISCAL_Z,
                "danger", this::open, () -> run(FiscalDone.Action.Z_REPORT)));
    }

    private void run(FiscalDone.Action action) {
        card.load(desk.fiscal(action), (done, out) -> {
            Texts t = card.texts();
            String what = t.get(ACTION_PREFIX + action.name().toLowerCase(Locale.ROOT));
            out.add(ServiceWidgets.verdict("service-fiscal-result", done.ok(), t.get(ServiceKeys.FISCAL_DONE, what),
                    t.get(ServiceKeys.FISCAL_ACTION_FAILED, what, done.problem().orElse(""))));
            status(done.info(), out);
        });
    }

    private static String warning(Texts t, FiscalInfo.Warning w, FiscalInfo f) {
        return switch (w) {
            case REGISTER_FAILED -> t.get(ServiceKeys.FISCAL_WARN_FAILED, f.error().orElse(""));
            case FN_EXPIRED -> t.get(ServiceKeys.FISCAL_WARN_FN_EXPIRED);
            case FN_EXPIRING -> t.get(ServiceKeys.FISCAL_WARN_FN_EXPIRING, Long.toString(f.fnDaysLeft()));
            case UNSENT_OVER_24H -> t.get(ServiceKeys.FISCAL_WARN_UNSENT, f.unsent(), hm(f.oldestUnsent()));
            case PAPER_OUT -> t.get(ServiceKeys.FISCAL_WARN_PAPER_OUT);
            case PAPER_NEAR_END -> t.get(ServiceKeys.FISCAL_WARN_PAPER_NEAR_END);
        };
    }

    private static Label wrap(Label l) {
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE); // a long warning takes two lines, never an ellipsis
        return l;
    }

    /** Hours and minutes, "26:05": ages of shifts and documents. */
    static String hm(Duration d) {
        long m = d.toMinutes();
        return String.format(Locale.ROOT, "%d:%02d", m / 60, m % 60);
    }
}
