package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.gpio.CabinetEvent;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.InactivityWatch;
import org.topupkiosk.flow.core.KioskFlow;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.ScannerControl;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SimControl;
import org.topupkiosk.flow.core.SnapshotListeners;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.goods.GoodsDesk;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.flow.scratch.VoucherDesk;
import org.topupkiosk.flow.sim.FindMyNumber;
import org.topupkiosk.flow.sim.SimJournal;
import org.topupkiosk.flow.topup.CarrierCheck;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.sync.PaymentDispatch;

/**
 * The kiosk's state machine. Everything here runs on the one flow thread: commands from the UI, device events, carrier
 * answers and timers are all posted to it, so the state needs no locks. Money moves only through the {@link Journal},
 * and a snapshot goes to the screen only after the journal has committed. This class routes each event to the part
 * that owns it ({@link TopUpScreens}, {@link CashIntake}, {@link Payments}, {@link ServiceLock}, {@link Recovery},
 * {@link ScannedCodes}, the services) and publishes what the screen shows.
 */
public final class TopUpFlow implements KioskFlow {

    private static final Logger log = LoggerFactory.getLogger(TopUpFlow.class);

    private final FlowExecutor flow;
    private final BillAcceptor acceptor;
    private final FlowSettings settings;
    private final PaymentDispatch dispatch;
    private final InactivityWatch inactivity;
    private final Stage stage;
    private final CustomerServices services;
    private final GoodsSales goods;
    /** Find my number: the SIM reader's look-up, armed on the screens that take a card. */
    private final FindMyNumber findNumber;
    private final TopUpScreens topUp;
    private final Payments payments;
    private final CashIntake cash;
    private final ServiceLock lock;
    private final Recovery recovery;
    private final ScannedCodes codes;
    private final SafeStop safeStop;
    private final SnapshotListeners<FlowSnapshot> snapshots;
    private long version;
    /** Why customers are kept out, for the technician; written at each publish, read from any thread. */
    private volatile String outOfService;
    private final OrderDesk orders;
    /** Issue 13: the fiscal register, or null with fiscal registration off. */
    private FiscalDesk fiscal;
    /** Issue 15: the office's text while it holds the kiosk out of service remotely, else null (flow thread). */
    private String officeHold;

    public TopUpFlow(FlowExecutor flowThread, Executor io, Journal journal, CarrierGateway carrier,
                     BillAcceptor acceptor, ReceiptDesk receipts, Catalog catalog, NumberingPlan numbering,
                     FlowSettings settings, PaymentDispatch dispatch, CrashPoints crash, Clock clock) {
        // Every task the flow and its features post is guarded: an exception takes the kiosk out of service safely.
        FlowExecutor flow = new GuardedFlowExecutor(flowThread, e -> onFailure("flow", e));
        this.flow = flow;
        this.acceptor = acceptor;
        this.settings = settings;
        this.dispatch = dispatch;
        OrderDesk orders = new OrderDesk(journal, dispatch, crash);
        this.orders = orders;
        this.inactivity = new InactivityWatch(flow, settings.inactivityWarning(), settings.inactivityCountdown(),
                this::publish, this::onInactivityEnd);
        this.stage = new Stage(settings.defaultLanguage(), inactivity, this::restingScreen);
        StageHost host = new StageHost(stage, receipts, this::publish);
        FeatureContext features = new FeatureContext(host, flow, new CarrierCalls(flow, io), carrier,
                catalog, settings, receipts, clock);
        this.services = new CustomerServices(features, new VoucherDesk(journal, settings.kioskId(), clock), journal);
        this.findNumber = new FindMyNumber(features, new SimJournal(journal, receipts, settings.kioskId(), clock));
        // e-PIN and eSIM sales: a service like the others, with its own journal verbs.
        this.goods = new GoodsSales(features, host, new GoodsDesk(journal, dispatch, crash));
        services.attachGoods(goods);
        this.payments = new Payments(stage, flow, orders, acceptor, receipts, settings, services, goods, this::publish);
        this.safeStop = new SafeStop(stage, orders, acceptor, flow, clock, this::publish);
        StrayNotes stray = new StrayNotes(stage, orders, payments, receipts);
        this.cash = new CashIntake(stage, orders, acceptor, settings, payments, safeStop, stray);
        this.lock = new ServiceLock(stage, orders, cash);
        this.recovery = new Recovery(stage, orders, catalog, settings, receipts, cash, payments, goods);
        safeStop.attach(recovery, stray, cash);
        this.codes = new ScannedCodes(stage, services, cash,
                new PaymentClaims(stage, flow, orders, receipts, catalog, payments, cash, goods));
        this.topUp = new TopUpScreens(stage, new CarrierCheck(flow, io, carrier, catalog, numbering, settings, orders),
                services, orders, settings, cash, this::publish);
        host.attach(topUp, payments);
        this.snapshots = new SnapshotListeners<>("flow", buildSnapshot());
    }

    /**
     * The code scanner the flow arms on the screens that take a code; its readings come back as
     * {@link FlowCommand.CodeScanned}. Call before {@link #start()}; without it the kiosk has no scanner.
     */
    public void attachScanner(ScannerControl control) {
        codes.attach(control);
    }

    /**
     * The SIM card reader the flow arms on the find-my-number screens (and the operator and number screens, where a
     * card fills the number); its events come back through {@link #simEvent}. Call before {@link #start()}; without a
     * reader the home screen does not offer "find my number".
     */
    public void attachSimReader(SimControl control) {
        findNumber.attach(Objects.requireNonNull(control, "control"));
        services.simReaderAttached(); // "find my number" is offered only with a reader
    }

    /** A SIM reader event (the reader's thread); handled on the flow thread, dropped there when it no longer fits. */
    public void simEvent(SimEvent event) {
        flow.execute(() -> {
            log.info("sim event {} screen={}", event.getClass().getSimpleName(), stage.screen);
            findNumber.onSimEvent(event);
            publish();
        });
    }

    /**
     * Issue 13: the fiscal register every payment is registered on before it goes to the carrier; while it cannot
     * register, the kiosk is out of service. Call before {@link #start()}; without it nothing is registered.
     */
    public void attachFiscal(FiscalDesk desk) {
        this.fiscal = Objects.requireNonNull(desk, "desk");
        payments.attachFiscal(desk);
        cash.attachFiscal(desk, flow, this::publish);
        desk.onFaultChange(fault -> flow.execute(() -> {
            onFiscalFault(fault);
            publish();
        }));
    }

    /** Connects the devices and resumes what the journal says was in progress. Call once, after construction. */
    public void start() {
        dispatch.addListener(outcome -> flow.execute(() -> payments.onOutcome(outcome)));
        Runnable recover = () -> flow.execute(() -> {
            recovery.recover();
            publish();
        });
        if (fiscal == null) {
            recover.run();
        } else {
            // The register's open intents first: the journal's open order is then submitted or given back by them.
            fiscal.start(outcomes -> recover.run());
        }
        acceptor.start(event -> flow.execute(() -> {
            cash.onBillEvent(event);
            publish();
        }));
    }

    /** A cabinet switch changed (GPIO thread); handled on the flow thread. */
    public void cabinetEvent(CabinetEvent event) {
        flow.execute(() -> {
            lock.onCabinetEvent(event);
            publish();
        });
    }

    /**
     * An exception no one handled on another thread (the screen's, a device's): the kiosk goes out of service on the
     * flow thread (acceptor disabled, escrow returned, the reason on screen, an audit row). Safe from any thread.
     */
    public void fail(String where, Throwable error) {
        flow.execute(() -> onFailure(where, error));
    }

    /**
     * The process is about to end on an {@link Error}: from any thread, at once and best effort, the acceptor is told
     * to give back a note in escrow and take no more, and the journal gets an audit row. The rest is the next start's.
     */
    public void lastWords(String where, Throwable error) {
        safeStop.lastWords(where, error);
    }

    private void onFailure(String where, Throwable error) {
        safeStop.internalError(where, error);
        publish();
    }

    // Commands ------------------------------------------------------------------------------------------------------

    @Override
    public void submit(FlowCommand command) {
        flow.execute(() -> handle(command));
    }

    @Override
    public FlowSnapshot current() {
        return snapshots.current();
    }

    @Override
    public AutoCloseable subscribe(Consumer<FlowSnapshot> listener) {
        return snapshots.subscribe(listener);
    }

    /**
     * Why the kiosk takes no customers now, in English for the technician (the health endpoint), or empty while it
     * sells: the service lock, the acceptor's fault, the journal or an internal error, as of the latest snapshot. Safe
     * from any thread; never waits for the flow.
     */
    public Optional<String> outOfServiceReason() {
        return Optional.ofNullable(outOfService);
    }

    /**
     * Issue 15: the office takes the kiosk out of service with {@code text} (shown on the out-of-service screen under
     * a translated heading), or with null lets it serve again. A customer's session is never cut and the service lock
     * is never left: the kiosk rests as asked when they end. {@code then} runs on the flow thread after the change.
     */
    public void officeHold(String text, Runnable then) {
        flow.execute(() -> {
            officeHold = text;
            log.info("office hold {} screen={}", text == null ? "lifted" : "set", stage.screen);
            if (text != null && stage.session == null && stage.screen == IDLE) {
                stage.moveTo(OUT_OF_SERVICE);
            } else if (text == null && stage.screen == OUT_OF_SERVICE && restingScreen() == IDLE) {
                stage.endSession();
            }
            publish();
            then.run();
        });
    }

    private void handle(FlowCommand command) {
        // A digit may be part of a one-time code, a scratch-card PIN or a phone number: logs get the key, not the
        // digit.
        log.debug("command {} screen={}", command instanceof Digit ? "Digit" : command, stage.screen);
        if (command instanceof ServicePad c) {
            // The technician's gesture over the customer's screen: the customer's inactivity timer keeps running.
            lock.onServicePad(c.open());
            publish();
            return;
        }
        stage.activity();
        if (command instanceof SetLanguage c) {
            onSetLanguage(c.lang());
        } else if (command instanceof Lock c) {
            lock.lock(c.reason());
        } else if (command instanceof Unlock) {
            safeStop.technicianCleared();
            lock.unlock();
        } else if (command instanceof CodeScanned c) {
            codes.onScanned(c.meaning());
        } else if (!(command instanceof StillHere)) {
            onScreenCommand(command);
        }
        publish();
    }

    private void onScreenCommand(FlowCommand command) {
        Screen screen = stage.screen;
        boolean handled = switch (screen) {
            case IDLE -> command instanceof Start && stage.startSession();
            case LANGUAGE -> command instanceof Back || command instanceof StartOver ? stage.endSession() : false;
            case NUMBER_ENTRY -> topUp.onNumberEntry(command);
            case OPERATOR_CONFIRM -> topUp.onOperatorConfirm(command);
            case AMOUNT_ENTRY -> topUp.onAmountEntry(command);
            case CASH_INSERTION -> cash.onCashInsertion(command);
            case CONFIRM -> cash.onConfirm(command);
            case DONE, CREDIT_VOUCHER -> command instanceof Finish || command instanceof StartOver
                    ? stage.endSession() : false;
            case CHECKING_NUMBER ->
                    command instanceof StartOver || command instanceof Back ? stage.endSession() : false;
            case SIM_INSERT, SIM_READING, SIM_RESULT, SIM_FAILED -> findNumber.handle(screen, command);
            default -> services.handle(screen, command);
        };
        if (!handled) {
            log.info("refused command {} on screen {}", command.getClass().getSimpleName(), screen);
        }
    }

    private void onSetLanguage(Lang newLang) {
        stage.lang = newLang;
        if (stage.screen == LANGUAGE) {
            stage.moveTo(HOME);
        }
    }

    /**
     * Where an ended session rests: the service lock while it holds, out of service while the acceptor is (or the
     * fiscal register cannot register).
     */
    private Screen restingScreen() {
        return lock.locked() ? SERVICE_LOCK
                : cash.faulted() || safeStop.halted() || fiscalFault() != null || officeHold != null ? OUT_OF_SERVICE
                : IDLE;
    }

    private String fiscalFault() {
        return fiscal == null ? null : fiscal.fault();
    }

    /** The register's fault came or went: an idle kiosk goes out of service, or back to its customers. */
    private void onFiscalFault(String fault) {
        String data = fault == null ? "{}" : JsonNodeFactory.instance.objectNode().put("reason", fault).toString();
        orders.audit(fault == null ? "fiscal_recovered" : "fiscal_fault",
                stage.session == null ? null : stage.session.txnId, data);
        if (fault != null && (stage.session == null || stage.screen == IDLE)) {
            stage.moveTo(OUT_OF_SERVICE);
        } else if (fault == null && stage.screen == OUT_OF_SERVICE && restingScreen() == IDLE) {
            stage.endSession();
        }
    }

    private void onInactivityEnd() {
        Session session = stage.session;
        if (session == null) {
            return;
        }
        if (findNumber.holdsSession(session, stage.screen)) {
            // The customer's SIM is still in the reader: keep the session and ask them to take it.
            log.info("inactivity with the SIM card still in the reader screen={}: session kept", stage.screen);
            stage.message = FlowMessage.warning("sim.take_card");
            inactivity.activity(stage.screen);
            publish();
            return;
        }
        log.info("inactivity ended the session screen={} txn={}", stage.screen, session.txnId);
        if (stage.screen == CASH_INSERTION || stage.screen == CONFIRM) {
            cash.onInactivity();
        } else {
            stage.endSession();
        }
        publish();
    }

    // Snapshots -----------------------------------------------------------------------------------------------------

    private void publish() {
        findNumber.sync(stage.session, stage.screen);
        codes.sync();
        outOfService = OutOfService.describe(lock.reasons(), cash.faultCode(), safeStop.technicianReason(),
                fiscalFault(), officeHold);
        snapshots.publish(buildSnapshot());
    }

    private FlowSnapshot buildSnapshot() {
        Session session = stage.session;
        Screen screen = stage.screen;
        // The flow's own message first; with none, a SIM card left in the reader is mentioned on every screen.
        FlowMessage shown = stage.message == null && findNumber != null && findNumber.remindToTakeCard(screen)
                ? FlowMessage.warning("sim.take_card") : stage.message;
        if (shown == null && screen == OUT_OF_SERVICE && safeStop != null) {
            shown = safeStop.message(); // why, and what to do
        }
        if (shown == null && screen == OUT_OF_SERVICE && officeHold != null) {
            shown = FlowMessage.warning("fleet.out_of_service", officeHold); // the office's words, as given
        }
        return FlowSnapshots.of(++version, screen, stage.lang, session, shown, inactivity.countdown(), !cash.faulted(),
                settings.acceptedNotes(),
                FindMyNumber.withSim(services.view(session, screen, stage.lang),
                        findNumber.view(session, screen, stage.lang)));
    }
}
