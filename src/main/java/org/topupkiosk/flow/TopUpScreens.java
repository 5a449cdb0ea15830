package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.flow.topup.CarrierCheck;
import org.topupkiosk.flow.topup.TopUpSteps;

/**
 * The kiosk's top-up screens before the cash: the number typed and checked with the carrier, the operator confirmed,
 * the amount typed within the operator's limits. The rules themselves are {@link TopUpSteps}, shared with the counter.
 */
final class TopUpScreens {

    private final Stage stage;
    private final CarrierCheck check;
    private final CustomerServices services;
    private final OrderDesk orders;
    private final FlowSettings settings;
    private final CashIntake cash;
    private final Runnable publish;

    TopUpScreens(Stage stage, CarrierCheck check, CustomerServices services, OrderDesk orders, FlowSettings settings,
                 CashIntake cash, Runnable publish) {
        this.stage = stage;
        this.check = check;
        this.services = services;
        this.orders = orders;
        this.settings = settings;
        this.cash = cash;
        this.publish = publish;
    }

    boolean onNumberEntry(FlowCommand command) {
        return onKeypad(command, stage.session.numberDigits, 10, false, this::checkNumber, services.numberBack());
    }

    void checkNumber() {
        Session session = stage.session;
        Msisdn.Parsed parsed = TopUpSteps.number(session.numberDigits);
        if (parsed instanceof Msisdn.Invalid invalid) {
            stage.message = FlowMessage.error(invalid.reason().messageKey());
            return;
        }
        if (services.numberTyped(((Msisdn.Valid) parsed).msisdn())) {
            return;
        }
        session.msisdn = ((Msisdn.Valid) parsed).msisdn();
        long token = session.token;
        stage.moveTo(CHECKING_NUMBER);
        stage.step(check.start(session.msisdn, session.hintOperatorId, outcome -> onChecked(token, outcome)));
    }

    private void onChecked(long token, CarrierCheck.Outcome outcome) {
        if (!stage.isCurrent(token, CHECKING_NUMBER)) {
            return;
        }
        stage.cancelStep();
        Session session = stage.session;
        if (outcome instanceof CarrierCheck.Outcome.Payable p) {
            session.offline = false;
            TopUpSteps.chooseOperator(session, p.operator(), p.carrierMin(), p.carrierMax(), settings.orderCashLimit(),
                    TopUpSteps.CashLimit.KIOSK);
            if (session.service == Service.PACKAGE) {
                services.loadPackages(token, p.operator());
                return;
            }
            // The tile was a hint; the carrier's answer is the truth (the number may have moved operators).
            boolean ported = session.hintOperatorId != null && !session.hintOperatorId.equals(p.operator().id());
            stage.message = ported ? FlowMessage.info("operator.ported", p.operator().name(stage.lang.code())) : null;
            stage.moveTo(OPERATOR_CONFIRM);
        } else if (outcome instanceof CarrierCheck.Outcome.Offline && session.service == Service.PACKAGE) {
            // A package's price and contents come from the carrier: no sale while it is not answering.
            stage.message = FlowMessage.error("packages.unavailable");
            stage.moveTo(NUMBER_ENTRY);
        } else if (outcome instanceof CarrierCheck.Outcome.Offline o) {
            TopUpSteps.sellOffline(session, o, settings.orderCashLimit(), TopUpSteps.CashLimit.KIOSK);
            stage.message = FlowMessage.warning("carrier.offline_sale");
            stage.moveTo(OPERATOR_CONFIRM);
        } else {
            stage.message = FlowMessage.error(((CarrierCheck.Outcome.Refused) outcome).messageKey());
            stage.moveTo(NUMBER_ENTRY);
        }
        publish.run();
    }

    boolean onOperatorConfirm(FlowCommand command) {
        if (command instanceof Next) {
            stage.message = stage.session.offline ? stage.message : null;
            stage.moveTo(AMOUNT_ENTRY);
        } else if (command instanceof Back) {
            stage.message = null;
            stage.moveTo(NUMBER_ENTRY);
        } else if (command instanceof StartOver) {
            stage.endSession();
        } else {
            return false;
        }
        return true;
    }

    boolean onAmountEntry(FlowCommand command) {
        return onKeypad(command, stage.session.amountDigits, 6, true, this::acceptAmount, OPERATOR_CONFIRM);
    }

    /** The number and amount screens: keypad keys edit the digits, Next moves on, Back goes to {@code back}. */
    private boolean onKeypad(FlowCommand command, StringBuilder digits, int maxLength, boolean noLeadingZero,
                             Runnable next, Screen back) {
        if (TouchInput.edit(digits, command, maxLength, noLeadingZero)) {
            stage.message = null;
            return true;
        }
        if (command instanceof Next) {
            next.run();
        } else if (command instanceof Back) {
            stage.message = null;
            stage.moveTo(back);
        } else if (command instanceof StartOver) {
            stage.endSession();
        } else {
            return false;
        }
        return true;
    }

    private void acceptAmount() {
        Session session = stage.session;
        Money amount = session.typedAmount();
        FlowMessage problem = TopUpSteps.amountProblem(session, amount);
        if (problem != null) {
            stage.message = problem;
            return;
        }
        session.amount = amount;
        stage.message = null;
        startPayment();
    }

    /** Opens the order for the session's number, operator and product (once), and goes to the cash screen. */
    void startPayment() {
        Session session = stage.session;
        if (session.txnId == null) {
            session.txnId = orders.open(session);
        }
        cash.enter();
    }
}
