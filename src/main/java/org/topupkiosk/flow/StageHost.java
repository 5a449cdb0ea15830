package org.topupkiosk.flow;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.journal.CustomerCredit;

/**
 * The flow as the service screens see it ({@link FlowHost}, and {@link GoodsSales.Host} for e-PIN and eSIM): the
 * {@link Stage}'s session and screen, the top-up's number check and payment, the receipt's end. Every call runs on the
 * flow thread. The top-up and payment parts are attached once they exist, before the flow starts.
 */
final class StageHost implements GoodsSales.Host {

    private final Stage stage;
    private final ReceiptDesk receipts;
    private final Runnable publish;
    private TopUpScreens topUp;
    private Payments payments;

    StageHost(Stage stage, ReceiptDesk receipts, Runnable publish) {
        this.stage = stage;
        this.receipts = receipts;
        this.publish = publish;
    }

    void attach(TopUpScreens topUp, Payments payments) {
        this.topUp = topUp;
        this.payments = payments;
    }

    @Override
    public Session session() {
        return stage.session;
    }

    @Override
    public Screen screen() {
        return stage.screen;
    }

    @Override
    public Lang lang() {
        return stage.lang;
    }

    @Override
    public void moveTo(Screen next) {
        stage.moveTo(next);
    }

    @Override
    public void say(FlowMessage m) {
        stage.message = m;
    }

    @Override
    public void publish() {
        publish.run();
    }

    @Override
    public boolean endSession() {
        return stage.endSession();
    }

    @Override
    public void checkNumber() {
        topUp.checkNumber();
    }

    @Override
    public void startPayment() {
        topUp.startPayment();
    }

    @Override
    public void step(FlowExecutor.Timer timer) {
        stage.step(timer);
    }

    @Override
    public void cancelStep() {
        stage.cancelStep();
    }

    @Override
    public void printed(long token, boolean ok) {
        payments.onPrinted(token, ok);
    }

    @Override
    public String lookupLink(String id) {
        return receipts.lookupLink(id);
    }

    @Override
    public void showCredit(CustomerCredit credit) {
        payments.showCredit(credit);
    }
}
