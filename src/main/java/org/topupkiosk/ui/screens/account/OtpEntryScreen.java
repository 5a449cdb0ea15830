package org.topupkiosk.ui.screens.account;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.KeypadScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The one-time code from the SMS on the keypad: where it was sent (masked), one box per digit of the carrier's code
 * length, until when it works, tries left after a wrong code, and "Send a new code" (the carrier limits how many a
 * number gets; its refusal comes back as a message). Next is enabled once every box is filled.
 */
public final class OtpEntryScreen extends KeypadScreen {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Label sentTo = Ui.label("body");
    private final HBox boxes = new HBox();
    private final List<Label> digits = new ArrayList<>();
    private final Label expires = Ui.label("body", "strong");
    private final Button resend = Ui.button("otp-resend", "resend");

    public OtpEntryScreen(Consumer<FlowCommand> send) {
        super("otp-key", send);
        sentTo.setId("otp-sent-to");
        boxes.getStyleClass().add("code-boxes");
        boxes.setId("otp-code");
        expires.setId("otp-expires");
        resend.setOnAction(e -> send.accept(new FlowCommand.ResendCode()));
        resend.setMaxWidth(Double.MAX_VALUE);
        expires.setMinHeight(Region.USE_PREF_SIZE);
        layout(sentTo, boxes, expires, resend);
    }

    @Override
    protected void show(FlowSnapshot s, Texts t) {
        AccountView v = s.services() == null ? null : s.services().account();
        title.setText(t.get(UiKeys.OTP_TITLE));
        sentTo.setText(v == null || v.codeSentTo() == null ? "" : t.get(UiKeys.OTP_SENT_TO, v.codeSentTo()));
        int length = v == null ? 0 : v.codeLength();
        String typed = v == null ? "" : v.codeTyped();
        while (digits.size() < length) {
            Label d = Ui.label("code-digit");
            d.setWrapText(false);
            digits.add(d);
        }
        boxes.getChildren().setAll(digits.subList(0, length));
        for (int i = 0; i < length; i++) {
            Label d = digits.get(i);
            d.setText(i < typed.length() ? String.valueOf(typed.charAt(i)) : "");
            Ui.styleIf(d, "current", i == typed.length());
        }
        boolean dead = v != null && v.codeDead();
        String until = v == null || v.codeExpires() == null ? "" : t.get(UiKeys.OTP_EXPIRES, TIME.format(v.codeExpires()));
        // One line: how long the code lives and, after a wrong code, how many tries are left.
        boolean showTries = !dead && v != null && v.attemptsLeft() >= 0;
        String left = showTries ? t.get(UiKeys.OTP_TRIES, Integer.toString(v.attemptsLeft())) : "";
        expires.setText(dead ? t.get(UiKeys.OTP_DEAD) : until.isEmpty() || left.isEmpty() ? until + left
                : until + " · " + left);
        Ui.styleIf(expires, "warning-text", dead);
        resend.setText(t.get(UiKeys.OTP_RESEND));
        // When only a new code helps, the way to get one is the obvious action.
        Ui.styleIf(resend, "primary", dead);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        AccountView v = s.services() == null ? null : s.services().account();
        boolean full = v != null && v.codeLength() > 0 && v.codeTyped().length() == v.codeLength() && !v.codeDead();
        return BarSpec.backStartOverNext(UiKeys.NEXT, full);
    }
}
