package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;

/** Taps become the right commands, and snapshots show the right things. */
@ExtendWith(ApplicationExtension.class)
class KioskViewTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private FakeFlow flow;
    private KioskView view;

    @Start
    void start(Stage stage) {
        flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        view = new KioskView(flow, new Messages());
        view.setAnimated(false);
        stage.setScene(new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT));
        stage.setX(0);
        stage.setY(0);
        stage.sizeToScene();
        stage.show();
    }

    @BeforeEach
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(FlowSnapshot s) {
        flow.push(s);
        WaitForAsyncUtils.waitForFxEvents();
        flow.commands.clear();
    }

    private static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    @Test
    void keypadTapsSendDigitsBackspaceAndClear(FxRobot robot) {
        show(Snapshots.of(Screen.NUMBER_ENTRY, Lang.EN));
        robot.clickOn("#number-key-9").clickOn("#number-key-1").clickOn("#number-key-0")
                .clickOn("#number-key-backspace").clickOn("#number-key-clear").clickOn("#bar-primary");
        assertThat(flow.commands).containsExactly(new FlowCommand.Digit(9), new FlowCommand.Digit(1),
                new FlowCommand.Digit(0), new FlowCommand.Backspace(), new FlowCommand.Clear(), new FlowCommand.Next());
    }

    @Test
    void theNumberShowsInItsMaskAsItIsTyped(FxRobot robot) {
        show(Snapshots.of(Screen.NUMBER_ENTRY, Lang.EN));
        assertThat(find(robot, "number-display", Label.class).getText()).isEqualTo("+7 (916) 123-45-__");
    }

    @Test
    void nextIsDisabledUntilSomethingIsTyped(FxRobot robot) {
        Snapshots.Builder b = Snapshots.builder(Screen.NUMBER_ENTRY, Lang.EN);
        b.numberDigits = "";
        show(b.build());
        robot.clickOn("#bar-primary");
        assertThat(find(robot, "bar-primary", Button.class).isDisabled()).isTrue();
        assertThat(flow.commands).isEmpty();
    }

    @Test
    void amountKeypadAndBarButtons(FxRobot robot) {
        show(Snapshots.of(Screen.AMOUNT_ENTRY, Lang.RU));
        robot.clickOn("#amount-key-5").clickOn("#bar-left").clickOn("#bar-middle");
        assertThat(flow.commands).containsExactly(new FlowCommand.Digit(5), new FlowCommand.Back(),
                new FlowCommand.StartOver());
        assertThat(find(robot, "amount-display", Label.class).getText()).isEqualTo("1\u00A0500\u00A0₽");
    }

    @Test
    void idleStartAndLanguageChoice(FxRobot robot) {
        show(Snapshots.of(Screen.IDLE, Lang.RU));
        robot.clickOn("#idle-start");
        show(Snapshots.of(Screen.LANGUAGE, Lang.RU));
        robot.clickOn("#lang-zh").clickOn("#top-lang-en").clickOn("#bar-left");
        assertThat(flow.commands).containsExactly(new FlowCommand.SetLanguage(Lang.ZH),
                new FlowCommand.SetLanguage(Lang.EN), new FlowCommand.Back());
    }

    @Test
    void payWaitsForTheMinimumAndCancelIsAlwaysThere(FxRobot robot) {
        Snapshots.Builder b = Snapshots.builder(Screen.CASH_INSERTION, Lang.EN);
        b.cashInserted = Money.ZERO_RUB;
        b.toBalance = Money.ZERO_RUB;
        show(b.build());
        robot.clickOn("#bar-primary");
        assertThat(flow.commands).isEmpty();
        assertThat(find(robot, "bar-left", Button.class).getStyleClass()).doesNotContain("danger");
        show(Snapshots.of(Screen.CASH_INSERTION, Lang.EN));
        assertThat(find(robot, "top-inserted", Label.class).getText()).isEqualTo("Inserted: 600\u00A0₽");
        assertThat(find(robot, "cash-total", Label.class).getText()).isEqualTo("600\u00A0₽");
        assertThat(find(robot, "bar-left", Button.class).getStyleClass()).contains("danger");
        robot.clickOn("#bar-primary").clickOn("#bar-left");
        assertThat(flow.commands).containsExactly(new FlowCommand.Pay(), new FlowCommand.Cancel());
    }

    @Test
    void confirmAndFinish(FxRobot robot) {
        show(Snapshots.of(Screen.CONFIRM, Lang.ZH));
        robot.clickOn("#bar-primary");
        show(Snapshots.of(Screen.DONE, Lang.ZH));
        robot.clickOn("#bar-primary");
        show(Snapshots.of(Screen.CREDIT_VOUCHER, Lang.ZH));
        robot.clickOn("#bar-primary");
        assertThat(flow.commands).containsExactly(new FlowCommand.Finish());
    }

    @Test
    void confirmSendsConfirm(FxRobot robot) {
        show(Snapshots.of(Screen.CONFIRM, Lang.EN));
        robot.clickOn("#bar-primary");
        assertThat(flow.commands).containsExactly(new FlowCommand.Confirm());
    }

    @Test
    void countdownOverlayShowsAndContinueSendsStillHere(FxRobot robot) {
        show(Snapshots.of(Screen.AMOUNT_ENTRY, Lang.EN));
        assertThat(find(robot, "countdown-overlay", Node.class).isVisible()).isFalse();
        Snapshots.Builder b = Snapshots.builder(Screen.AMOUNT_ENTRY, Lang.EN);
        b.countdown = 15;
        show(b.build());
        assertThat(find(robot, "countdown-overlay", Node.class).isVisible()).isTrue();
        assertThat(find(robot, "countdown-seconds", Label.class).getText()).isEqualTo("15");
        robot.clickOn("#amount-key-1"); // under the overlay: must not reach the keypad
        robot.clickOn("#countdown-continue");
        assertThat(flow.commands).containsExactly(new FlowCommand.StillHere());
        show(Snapshots.of(Screen.AMOUNT_ENTRY, Lang.EN));
        assertThat(find(robot, "countdown-overlay", Node.class).isVisible()).isFalse();
    }

    @Test
    void messagesShowInTheCustomersLanguageWithTheirSeverity(FxRobot robot) {
        Snapshots.Builder b = Snapshots.builder(Screen.AMOUNT_ENTRY, Lang.RU);
        b.message = FlowMessage.error("amount.below_min", Money.rub(10));
        show(b.build());
        Label message = find(robot, "message", Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo(new Messages().get(Lang.RU, "amount.below_min", Money.rub(10)));
        assertThat(message.getText()).contains("10\u00A0₽");
        assertThat(message.getStyleClass()).contains("message-error").doesNotContain("message-warning");
        show(Snapshots.of(Screen.AMOUNT_ENTRY, Lang.RU));
        assertThat(message.isVisible()).isFalse();
    }

    @Test
    void everyVisibleButtonOnEveryScreenIsAtLeast64By64() {
        for (Screen screen : Screen.values()) {
            Snapshots.Builder b = Snapshots.builder(screen, Lang.RU);
            if (screen.watchesInactivity()) {
                b.countdown = 9;
            }
            show(b.build());
            List<Node> nodes = FxTestSupport.visibleNodes(view);
            List<Button> buttons = nodes.stream().filter(Button.class::isInstance).map(Button.class::cast).toList();
            assertThat(buttons).as("buttons on %s", screen).isNotEmpty();
            for (Button button : buttons) {
                assertThat(button.getWidth()).as("width of %s on %s", button.getId(), screen).isGreaterThanOrEqualTo(64);
                assertThat(button.getHeight()).as("height of %s on %s", button.getId(), screen).isGreaterThanOrEqualTo(64);
            }
        }
    }
}
