package org.topupkiosk.ui.kit;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ServicesView;

/**
 * The promotion line on the amount, cash and confirm screens, shown before paying: the offer while the amount is below
 * its threshold, the bonus the operator adds once it is reached. Hidden when no promotion runs.
 */
public final class PromoLabel {

    private PromoLabel() {}

    public static Label create(String id) {
        Label l = Ui.label("promo");
        l.setId(id);
        // The offer is what the customer is promised before paying: on a short (landscape) screen other lines give way,
        // never this one.
        l.setMinHeight(Region.USE_PREF_SIZE);
        Ui.show(l, false);
        return l;
    }

    public static void update(Label label, FlowSnapshot s, Texts t) {
        ServicesView.PromoView p = s.services() == null ? null : s.services().promo();
        if (p == null) {
            Ui.show(label, false);
            return;
        }
        label.setText(p.applies() ? t.get(UiKeys.PROMO_APPLIES, p.title(), p.bonus()) : t.get(UiKeys.PROMO_OFFER, p.title()));
        Ui.styleIf(label, "promo-applies", p.applies());
        Ui.show(label, true);
    }
}
