package org.topupkiosk.flow;

import static org.topupkiosk.flow.Screen.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.gpio.CabinetEvent;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.FlowCommand.*;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.sync.PaymentDispatch;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * The top-up state machine. Everything here runs on the one flow thread: commands from the UI, device events, carrier
 * answers and timers are all posted to it, so the state needs no locks. Money moves only through the {@link Journal},
 * and a snapshot goes to the screen only after the journal has committed.
 */
public final class TopUpFlow implements KioskFlow {

    private static final Logger log = LoggerFactory.getLogger(TopUpFlow.class);

    private final FlowExecutor flow;
    private final OrderDesk orders;
    private final CarrierCheck check;
    private final BillAcceptor acceptor;
    private final Catalog catalog;
    private final FlowSettings settings;
    private final PaymentDispatch dispatch;
    private final ReceiptDesk receipts;
    private final InactivityWatch inactivity;
    private final CustomerServices services;
    private final GoodsSales goods;
    private final List<Consumer<FlowSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private volatile FlowSnapshot current;
    private long version;
    private long tokens;
    private Screen screen = IDLE;
    private Lang lang;
    private Session session;
    private FlowMessage message;
    private boolean acceptorFault;
    /** Why customers are kept out ("service", "door_open"); empty while the kiosk serves. */
    private final Set<String> lockReasons = new LinkedHashSet<>();
    private boolean doorOpen;
    private FlowExecutor.Timer stepTimer;
    private ScannerControl scanner = ScannerControl.NONE;
    // Find my number (issue 7 item 4): the SIM reader's look-up, armed on the screens that take a card.
    private final FindMyNumber findNumber;

    public TopUpFlow(FlowExecutor flow, Executor io, Journal journal, CarrierGateway carrier, BillAcceptor acceptor,
                     ReceiptDesk receipts, Catalog catalog, NumberingPlan numbering, FlowSettings settings,
                     PaymentDispatch dispatch, CrashPoints crash) {
        this.flow = flow;
        this.orders = new OrderDesk(journal, dispatch, crash);
        this.check = new CarrierCheck(flow, io, carrier, catalog, numbering, settings, orders);
        this.acceptor = acceptor;
        this.receipts = receipts;
        this.catalog = catalog;
        this.settings = settings;
        this.dispatch = dispatch;
        this.lang = settings.defaultLanguage();
        this.inactivity = new InactivityWatch(flow, settings.inactivityWarning(), settings.inactivityCountdown(),
                this::publish, this::onInactivityEnd);
        this.services = new CustomerServices(new ServicesHost(), flow, new CarrierCalls(flow, io), carrier, catalog,
                settings, receipts, new VoucherDesk(journal, settings.kioskId(), java.time.Clock.systemUTC()),
                java.time.Clock.systemDefaultZone(), journal);
        this.findNumber = new FindMyNumber(new ServicesHost(), flow, new CarrierCalls(flow, io), carrier, catalog,
                settings, new SimJournal(journal, receipts, settings.kioskId(), java.time.Clock.systemUTC()));
        // e-PIN and eSIM sales: a service like the others, with its own journal verbs.
        this.goods = new GoodsSales(new GoodsHost(), flow, new CarrierCalls(flow, io), carrier, catalog, settings,
                receipts, new GoodsDesk(journal, dispatch, crash), java.time.Clock.systemUTC());
        services.attachGoods(goods);
        this.current = buildSnapshot();
    }

    /**
     * The code scanner the flow arms on the screens that take a code; its readings come back as
     * {@link FlowCommand.CodeScanned}. Call before {@link #start()}; without it the kiosk has no scanner.
     */
    public void attachScanner(ScannerControl control) {
        this.scanner = java.util.Objects.requireNonNull(control, "control");
    }

    /**
     * The SIM card reader the flow arms on the find-my-number screens (and the operator and number screens, where a
     * card fills the number); its events come back through {@link #simEvent}. Call before {@link #start()}; without it
     * "find my number" tells the customer to type the number.
     */
    public void attachSimReader(SimControl control) {
        findNumber.attach(java.util.Objects.requireNonNull(control, "control"));
    }

    /** A SIM reader event (the reader's thread); handled on the flow thread, dropped there when it no longer fits. */
    public void simEvent(org.topupkiosk.device.sim.SimEvent event) {
        flow.execute(() -> {
            log.info("sim event {} screen={}", event.getClass().getSimpleName(), screen);
            findNumber.onSimEvent(event);
            publish();
        });
    }

    /** Connects the devices and resumes what the journal says was in progress. Call once, after construction. */
    public void start() {
        dispatch.addListener(outcome -> flow.execute(() -> onPaymentOutcome(outcome)));
        flow.execute(this::recover);
        acceptor.start(event -> flow.execute(() -> onBillEvent(event)));
    }

    /** A cabinet switch changed (GPIO thread); handled on the flow thread. */
    public void cabinetEvent(CabinetEvent event) {
        flow.execute(() -> {
            onCabinetEvent(event);
            publish();
        });
    }

    // Commands ------------------------------------------------------------------------------------------------------

    @Override
    public void submit(FlowCommand command) {
        flow.execute(() -> handle(command));
    }

    @Override
    public FlowSnapshot current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<FlowSnapshot> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }

    private void handle(FlowCommand command) {
        // A digit may be part of a one-time code, a scratch-card PIN or a phone number: logs get the key, not the digit.
        log.debug("command {} screen={}", command instanceof Digit ? "Digit" : command, screen);
        if (session != null && screen.watchesInactivity()) {
            inactivity.activity(screen);
        }
        if (command instanceof SetLanguage c) {
            onSetLanguage(c.lang());
        } else if (command instanceof Lock c) {
            onLock(c.reason());
        } else if (command instanceof Unlock) {
            onUnlock();
        } else if (command instanceof CodeScanned c) {
            onCodeScanned(c.meaning());
        } else if (!(command instanceof StillHere)) {
            onScreenCommand(command);
        }
        publish();
    }

    private void onScreenCommand(FlowCommand command) {
        boolean handled = switch (screen) {
            case IDLE -> command instanceof Start && startSession();
            case LANGUAGE -> command instanceof Back || command instanceof StartOver ? endSession() : false;
            case NUMBER_ENTRY -> onNumberEntry(command);
            case OPERATOR_CONFIRM -> onOperatorConfirm(command);
            case AMOUNT_ENTRY -> onAmountEntry(command);
            case CASH_INSERTION -> onCashInsertion(command);
            case CONFIRM -> onConfirm(command);
            case DONE, CREDIT_VOUCHER -> command instanceof Finish || command instanceof StartOver ? endSession() : false;
            case CHECKING_NUMBER -> command instanceof StartOver || command instanceof Back ? endSession() : false;
            case SIM_INSERT, SIM_READING, SIM_RESULT, SIM_FAILED -> findNumber.handle(screen, command);
            default -> services.handle(screen, command);
        };
        if (!handled) {
            log.info("refused command {} on screen {}", command.getClass().getSimpleName(), screen);
        }
    }

    private void onSetLanguage(Lang newLang) {
        lang = newLang;
        if (screen == LANGUAGE) {
            moveTo(HOME);
        }
    }

    private boolean startSession() {
        session = new Session(++tokens);
        lang = settings.defaultLanguage();
        message = null;
        moveTo(LANGUAGE);
        return true;
    }

    private boolean onNumberEntry(FlowCommand command) {
        return onKeypad(command, session.numberDigits, 10, false, this::checkNumber, services.numberBack());
    }

    private void checkNumber() {
        Msisdn.Parsed parsed = Msisdn.parse("+7" + session.numberDigits);
        if (parsed instanceof Msisdn.Invalid invalid) {
            message = FlowMessage.error(invalid.reason().messageKey());
            return;
        }
        if (services.numberTyped(((Msisdn.Valid) parsed).msisdn())) {
            return;
        }
        session.msisdn = ((Msisdn.Valid) parsed).msisdn();
        long token = session.token;
        moveTo(CHECKING_NUMBER);
        stepTimer = check.start(session.msisdn, session.hintOperatorId, outcome -> onChecked(token, outcome));
    }

    private boolean current(long token, Screen expected) {
        return session != null && session.token == token && screen == expected;
    }

    private void onChecked(long token, CarrierCheck.Outcome outcome) {
        if (!current(token, CHECKING_NUMBER)) {
            return;
        }
        cancelStepTimer();
        if (outcome instanceof CarrierCheck.Outcome.Payable p) {
            session.offline = false;
            chooseOperator(p.operator(), p.carrierMin(), p.carrierMax());
            if (session.service == Service.PACKAGE) {
                services.loadPackages(token, p.operator());
                return;
            }
            // The tile was a hint; the carrier's answer is the truth (the number may have moved operators).
            boolean ported = session.hintOperatorId != null && !session.hintOperatorId.equals(p.operator().id());
            message = ported ? FlowMessage.info("operator.ported", p.operator().name(lang.code())) : null;
            moveTo(OPERATOR_CONFIRM);
        } else if (outcome instanceof CarrierCheck.Outcome.Offline && session.service == Service.PACKAGE) {
            // A package's price and contents come from the carrier: no sale while it is not answering.
            message = FlowMessage.error("packages.unavailable");
            moveTo(NUMBER_ENTRY);
        } else if (outcome instanceof CarrierCheck.Outcome.Offline o) {
            session.offline = true;
            chooseOperator(o.operator(), null, null);
            session.cashLimit = session.cashLimit.min(o.allowance());
            message = FlowMessage.warning("carrier.offline_sale");
            moveTo(OPERATOR_CONFIRM);
        } else {
            message = FlowMessage.error(((CarrierCheck.Outcome.Refused) outcome).messageKey());
            moveTo(NUMBER_ENTRY);
        }
        publish();
    }

    private void chooseOperator(Operator op, Money carrierMin, Money carrierMax) {
        session.operator = op;
        session.minAmount = carrierMin == null ? op.minAmount() : op.minAmount().max(carrierMin);
        session.maxAmount = carrierMax == null ? op.maxAmount() : op.maxAmount().min(carrierMax);
        session.cashLimit = settings.orderCashLimit().min(op.fee().cashNeededFor(session.maxAmount));
    }

    private boolean onOperatorConfirm(FlowCommand command) {
        if (command instanceof Next) {
            message = session.offline ? message : null;
            moveTo(AMOUNT_ENTRY);
        } else if (command instanceof Back) {
            message = null;
            moveTo(NUMBER_ENTRY);
        } else if (command instanceof StartOver) {
            endSession();
        } else {
            return false;
        }
        return true;
    }

    /** Keypad editing shared by the number and amount screens; true when the command was a keypad key. */
    private boolean editDigits(StringBuilder digits, FlowCommand command, int maxLength, boolean noLeadingZero) {
        if (!TouchInput.edit(digits, command, maxLength, noLeadingZero)) {
            return false;
        }
        message = null;
        return true;
    }

    private boolean onAmountEntry(FlowCommand command) {
        return onKeypad(command, session.amountDigits, 6, true, this::acceptAmount, OPERATOR_CONFIRM);
    }

    /** The number and amount screens: keypad keys edit the digits, Next moves on, Back goes to {@code back}. */
    private boolean onKeypad(FlowCommand command, StringBuilder digits, int maxLength, boolean noLeadingZero,
                             Runnable next, Screen back) {
        if (editDigits(digits, command, maxLength, noLeadingZero)) {
            return true;
        }
        if (command instanceof Next) {
            next.run();
        } else if (command instanceof Back) {
            message = null;
            moveTo(back);
        } else if (command instanceof StartOver) {
            endSession();
        } else {
            return false;
        }
        return true;
    }

    private void acceptAmount() {
        Money amount = session.typedAmount();
        if (amount.lessThan(session.minAmount)) {
            message = FlowMessage.error("amount.below_min", session.minAmount);
            return;
        }
        if (amount.greaterThan(session.maxAmount)) {
            message = FlowMessage.error("amount.above_max", session.maxAmount);
            return;
        }
        if (session.fee().cashNeededFor(amount).greaterThan(session.cashLimit)) {
            message = FlowMessage.error("amount.above_max", session.fee().toBalance(session.cashLimit));
            return;
        }
        session.amount = amount;
        if (session.txnId == null) {
            session.txnId = orders.open(session);
        }
        message = null;
        enterCashInsertion();
    }

    private void enterCashInsertion() {
        moveTo(CASH_INSERTION);
        if (!acceptorFault) {
            acceptor.enable(java.util.Set.copyOf(settings.acceptedNotes()));
        } else {
            message = FlowMessage.warning("cash.acceptor_unavailable");
        }
    }

    private boolean onCashInsertion(FlowCommand command) {
        if (command instanceof Pay) {
            if (session.noteInEscrow != null) {
                return false;
            }
            if (session.toBalance().lessThan(session.minAmount)) {
                message = FlowMessage.error("pay.below_min", session.fee().cashNeededFor(session.minAmount));
                return true;
            }
            acceptor.disable();
            message = null;
            moveTo(CONFIRM);
        } else if (command instanceof Back) {
            if (session.hasFunds() || session.noteInEscrow != null) {
                return false;
            }
            acceptor.disable();
            orders.cancel(session.txnId, "back-before-cash");
            session.txnId = null;
            moveTo(session.product != null ? PACKAGE_DETAILS : GoodsSales.owns(session) ? GOODS_DETAILS : AMOUNT_ENTRY);
        } else if (command instanceof Cancel) {
            cancelWithCredit("customer-cancel");
        } else if (command instanceof StartOver) {
            cancelWithCredit("customer-start-over");
        } else {
            return false;
        }
        return true;
    }

    private boolean onConfirm(FlowCommand command) {
        if (command instanceof Confirm) {
            submitPayment();
        } else if (command instanceof Back) {
            message = null;
            enterCashInsertion();
        } else if (command instanceof Cancel) {
            cancelWithCredit("customer-cancel");
        } else if (command instanceof StartOver) {
            cancelWithCredit("customer-start-over");
        } else {
            return false;
        }
        return true;
    }

    // Money ---------------------------------------------------------------------------------------------------------

    private void submitPayment() {
        acceptor.disable();
        if (GoodsSales.owns(session)) {
            goods.submit();
            return;
        }
        session.promo = services.promotionAtSubmit(session);
        orders.submit(session);
        moveTo(SUBMITTING);
        if (session.offline) {
            session.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
            printPaymentReceipt();
        } else {
            long token = session.token;
            stepTimer = flow.schedule(() -> onSubmitWaitOver(token), settings.submitWait());
        }
    }

    private void onSubmitWaitOver(long token) {
        if (current(token, SUBMITTING)) {
            session.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
            printPaymentReceipt();
            publish();
        }
    }

    private void onPaymentOutcome(PaymentOutcome outcome) {
        if (GoodsSales.owns(session) && outcome.txnId().equals(session.txnId)) {
            goods.onOutcome(outcome);
            return;
        }
        if (session == null || !outcome.txnId().equals(session.txnId) || screen != SUBMITTING) {
            return;
        }
        if (outcome instanceof PaymentOutcome.Confirmed) {
            session.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
        } else if (outcome instanceof PaymentOutcome.Refused r) {
            session.paymentStatus = FlowSnapshot.PaymentStatus.REFUSED;
            session.credit = r.credit();
        } else {
            return;
        }
        cancelStepTimer();
        printPaymentReceipt();
        publish();
    }

    private void printPaymentReceipt() {
        Order order = orders.order(session.txnId);
        moveTo(RECEIPT);
        session.receipt = FlowSnapshot.ReceiptState.PRINTING;
        session.qrPayload = receipts.lookupLink(order.txnId());
        long token = session.token;
        receipts.printPayment(order, session.operator, session.paymentStatus, lang, session.credit, session.product,
                session.promo, ok -> flow.execute(() -> onPrinted(token, ok)));
    }

    private void onPrinted(long token, boolean ok) {
        if (session == null || session.token != token) {
            return;
        }
        session.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
        if (screen == RECEIPT) {
            // A scratch card the carrier did not confirm keeps its explanation on the done screen.
            boolean keep = ok && session.service == Service.VOUCHER && message != null;
            message = keep ? message : ok ? null : FlowMessage.warning("receipt.failed");
            moveTo(session.paymentStatus == FlowSnapshot.PaymentStatus.REFUSED ? CREDIT_VOUCHER : DONE);
            scheduleFinish();
        }
        publish();
    }

    /** Ends a session that holds money by turning the money into a printed credit voucher. */
    private void cancelWithCredit(String reason) {
        if (session.noteInEscrow != null) {
            acceptor.returnBill();
            session.noteInEscrow = null;
        }
        acceptor.disable();
        Optional<CustomerCredit> credit = session.txnId == null ? Optional.empty() : orders.cancel(session.txnId, reason);
        if (credit.isPresent()) {
            showCredit(credit.get());
        } else {
            endSession();
        }
    }

    private void showCredit(CustomerCredit credit) {
        if (session == null) {
            session = new Session(++tokens);
        }
        session.credit = credit;
        session.receipt = FlowSnapshot.ReceiptState.PRINTING;
        session.qrPayload = credit.code();
        message = FlowMessage.info("credit.issued", credit.amount(), credit.code());
        moveTo(RECEIPT);
        long token = session.token;
        receipts.printCredit(credit, lang, ok -> flow.execute(() -> {
            if (session != null && session.token == token) {
                session.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
                if (screen == RECEIPT) {
                    moveTo(CREDIT_VOUCHER);
                    scheduleFinish();
                }
                publish();
            }
        }));
    }

    private void scheduleFinish() {
        long token = session.token;
        cancelStepTimer();
        stepTimer = flow.schedule(() -> {
            if (session != null && session.token == token && (screen == DONE || screen == CREDIT_VOUCHER)) {
                endSession();
                publish();
            }
        }, settings.finishAfter());
    }

    // Devices -------------------------------------------------------------------------------------------------------

    private void onBillEvent(BillEvent event) {
        log.info("bill event {} screen={}", event, screen);
        if (event instanceof BillEvent.Escrowed e) {
            onEscrow(e.amount());
        } else if (event instanceof BillEvent.Stacked s) {
            onStacked(s.amount(), s.noteId());
        } else if (event instanceof BillEvent.Returned) {
            if (session != null) {
                session.noteInEscrow = null;
            }
        } else if (event instanceof BillEvent.Rejected) {
            if (screen == CASH_INSERTION) {
                message = FlowMessage.warning("cash.note_rejected");
            }
        } else if (event instanceof BillEvent.PowerUpWithBill p) {
            onPowerUpWithBill(p);
        } else if (event instanceof BillEvent.Fault f) {
            onAcceptorFault(f);
        } else if (event instanceof BillEvent.Recovered) {
            acceptorFault = false;
            orders.audit("acceptor_recovered", null, "{}");
            if (screen == OUT_OF_SERVICE) {
                endSession();
            } else if (screen == CASH_INSERTION && session != null) {
                // The customer is still at the cash screen: take notes again (jam cleared, cash box back).
                acceptor.enable(java.util.Set.copyOf(settings.acceptedNotes()));
                message = null;
            }
        }
        if (session != null && screen == CASH_INSERTION) {
            inactivity.activity(screen);
        }
        publish();
    }

    private void onEscrow(Money note) {
        if (screen != CASH_INSERTION || session == null || session.txnId == null) {
            acceptor.returnBill();
            return;
        }
        if (!session.admits(note)) {
            log.info("note returned txn={} note={} limit={}", session.txnId, note.plain(), session.cashLimit.plain());
            acceptor.returnBill();
            message = session.cashCap != null && !session.funds().lessThan(session.cashCap)
                    ? FlowMessage.warning("goods.note_returned_covered")
                    : FlowMessage.warning("cash.note_returned_limit", session.cashLimit);
            return;
        }
        session.noteInEscrow = note;
        acceptor.stack();
    }

    private void onStacked(Money note, String noteId) {
        if (session != null && session.txnId != null && (screen == CASH_INSERTION || screen == CONFIRM)) {
            session.noteInEscrow = null;
            if (orders.creditNote(session.txnId, note, noteId)) {
                session.cash = session.cash.plus(note);
            }
            acceptor.acknowledge(noteId);
            message = null;
        } else {
            // A note that lands after its session ended (timeout, cancel racing the stacker): the cash is real, so it
            // becomes a credit voucher at once rather than a silent gain for the kiosk.
            Optional<CustomerCredit> credit = orders.creditWithoutOrder(note, noteId, "stacked-outside-session");
            acceptor.acknowledge(noteId);
            if (credit.isPresent() && (session == null || (screen != RECEIPT && screen != SUBMITTING))) {
                showCredit(credit.get());
            }
        }
    }

    private void onPowerUpWithBill(BillEvent.PowerUpWithBill p) {
        orders.audit("acceptor_powerup_with_bill", session == null ? null : session.txnId,
                "{\"where\":\"" + p.where() + "\",\"amount\":" + (p.amount() == null ? "null" : p.amount().minor()) + "}");
        if (p.where() != BillEvent.PowerUpWithBill.Location.STACKER) {
            return;
        }
        if (p.amount() == null) {
            log.error("power-up with an unidentified note in the stacker: left for encashment reconciliation");
            return;
        }
        onStacked(p.amount(), p.noteId());
    }

    private void onAcceptorFault(BillEvent.Fault f) {
        orders.audit("acceptor_fault", session == null ? null : session.txnId, "{\"code\":\"" + f.code() + "\"}");
        if (!f.outOfService()) {
            return;
        }
        acceptorFault = true;
        if (screen == CASH_INSERTION) {
            message = FlowMessage.warning("cash.acceptor_unavailable");
        } else if (session == null || screen == IDLE) {
            moveTo(OUT_OF_SERVICE);
        }
    }

    /**
     * The door opening locks the kiosk like the service menu does (cash in the session becomes a credit voucher); its
     * closing is journaled but unlocks nothing: only a technician in the service menu lets customers back. The cash
     * box switch only journals here; the acceptor side is {@code CashBoxGuard}'s, through the acceptor-fault path.
     */
    private void onCabinetEvent(CabinetEvent event) {
        log.info("cabinet event {} screen={}", CabinetEvent.kind(event), screen);
        orders.audit(CabinetEvent.kind(event), session == null ? null : session.txnId, "{\"screen\":\""
                + screen.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
        if (event instanceof CabinetEvent.DoorOpened) {
            doorOpen = true;
            onLock("door_open");
        } else if (event instanceof CabinetEvent.DoorClosed) {
            doorOpen = false;
        }
    }

    // Recovery, inactivity, locking ---------------------------------------------------------------------------------

    private void recover() {
        Optional<Order> open = orders.openOrder();
        if (open.isPresent() && GoodsSales.isGoods(open.get())) {
            // An e-PIN or eSIM's price came from the carrier's catalog and is not kept: its money becomes a voucher.
            orders.cancel(open.get().txnId(), "recovery-goods").ifPresent(this::showCredit);
        } else if (open.isPresent() && catalog.operator(open.get().operatorId()).isPresent()) {
            Order order = open.get();
            session = new Session(++tokens);
            session.msisdn = order.msisdn();
            chooseOperator(catalog.operator(order.operatorId()).orElseThrow(), null, null);
            session.offline = order.offline();
            session.txnId = order.txnId();
            session.cash = order.cash();
            session.creditApplied = order.creditApplied();
            session.amount = session.toBalance();
            log.info("resumed open order txn={} cash={}", order.txnId(), order.cash().plain());
            message = FlowMessage.info("session.resumed", order.cash());
            enterCashInsertion();
            inactivity.activity(screen);
        } else if (open.isPresent()) {
            orders.cancel(open.get().txnId(), "recovery-unknown-operator").ifPresent(this::showCredit);
        }
        receipts.reprintRecent();
        publish();
    }

    private void onInactivityEnd() {
        if (session == null) {
            return;
        }
        if (findNumber.holdsSession(session, screen)) {
            // The customer's SIM is still in the reader: keep the session and ask them to take it.
            log.info("inactivity with the SIM card still in the reader screen={}: session kept", screen);
            message = FlowMessage.warning("sim.take_card");
            inactivity.activity(screen);
            publish();
            return;
        }
        log.info("inactivity ended the session screen={} txn={}", screen, session.txnId);
        switch (screen) {
            case CASH_INSERTION, CONFIRM -> {
                if (session.noteInEscrow != null) {
                    acceptor.returnBill();
                    session.noteInEscrow = null;
                }
                if (!session.hasFunds()) {
                    acceptor.disable();
                    orders.cancel(session.txnId, "inactivity");
                    endSession();
                } else if (!session.toBalance().lessThan(session.minAmount)) {
                    // The customer chose this number and put the money in; paying it is what they meant.
                    submitPayment();
                } else {
                    cancelWithCredit("inactivity-below-minimum");
                }
            }
            default -> endSession();
        }
        publish();
    }

    private void onLock(String reason) {
        orders.audit("service_lock", session == null ? null : session.txnId, "{\"reason\":\"" + reason + "\"}");
        lockReasons.add(reason);
        if (session != null && session.txnId != null && (screen == CASH_INSERTION || screen == CONFIRM)) {
            cancelWithCredit("service_lock");
        } else if (session == null || screen.watchesInactivity() || screen == IDLE || screen == CHECKING_NUMBER
                || screen == VOUCHER_CHECKING || screen == SIM_READING || AccountServices.endsOnLock(screen)) {
            endSession();
        }
    }

    /** Back to customers always unlocks, whatever the reasons: the technician is at the kiosk and decides. */
    private void onUnlock() {
        orders.audit("service_unlock", null, "{\"cleared\":[" + String.join(",", lockReasons.stream()
                .map(r -> "\"" + r + "\"").toList()) + "]}");
        if (doorOpen) {
            orders.audit("unlocked_with_door_open", null, "{}");
        }
        lockReasons.clear();
        if (screen == SERVICE_LOCK) {
            endSession();
        }
    }

    private boolean endSession() {
        cancelStepTimer();
        inactivity.stop();
        session = null;
        message = null;
        lang = settings.defaultLanguage();
        if (!lockReasons.isEmpty()) {
            moveTo(SERVICE_LOCK);
        } else if (acceptorFault) {
            moveTo(OUT_OF_SERVICE);
        } else {
            moveTo(IDLE);
        }
        return true;
    }

    private void cancelStepTimer() {
        if (stepTimer != null) {
            stepTimer.cancel();
            stepTimer = null;
        }
    }

    private void moveTo(Screen next) {
        if (!Transitions.allowed(screen, next)) {
            log.error("illegal transition {} -> {} refused", screen, next);
            return;
        }
        if (next != screen) {
            log.debug("screen {} -> {}", screen, next);
            screen = next;
            if (session != null && next.watchesInactivity()) {
                inactivity.activity(next);
            } else {
                inactivity.stop();
            }
        }
    }

    // Scanned codes -------------------------------------------------------------------------------------------------

    /** Screens where a scanned code means something; the scanner is armed there and only there. */
    private static boolean takesCodes(Screen s) {
        return s == IDLE || s == HOME || s == NUMBER_ENTRY || s == VOUCHER_PIN || s == CASH_INSERTION;
    }

    /** Arms the scanner on a screen that takes a code (again after each reading), disarms it everywhere else. */
    private void syncScanner() {
        if (takesCodes(screen)) {
            scanner.arm();
        } else {
            scanner.disarm();
        }
    }

    /**
     * What a scanned code means on the current screen. The scratch card and credit voucher are secrets: logs get the
     * kind (and a mask), never the code. A reading that raced a screen change to one that takes no code is dropped.
     */
    private void onCodeScanned(CodeMeaning meaning) {
        String kind = meaning.getClass().getSimpleName();
        log.info("code scanned kind={} screen={}", meaning instanceof CodeMeaning.ScratchCard sc ? sc : kind, screen);
        if (!takesCodes(screen)) {
            return;
        }
        if (screen == IDLE) {
            // A scan wakes the kiosk like a touch does; the language stays the default, the customer may switch it.
            startSession();
            moveTo(HOME);
        }
        if (meaning instanceof CodeMeaning.Unknown u) {
            message = FlowMessage.error(u.reason().messageKey());
        } else if (meaning instanceof CodeMeaning.ScratchCard card && (screen == HOME || screen == VOUCHER_PIN)) {
            if (card.isPin()) {
                services.scratchPinScanned(card.code());
            } else {
                // The EAN-13 on the back names the card; the carrier redeems by the PIN under the scratch layer.
                message = FlowMessage.warning("scan.scratch.card_number");
            }
        } else if (meaning instanceof CodeMeaning.CreditVoucher v && screen == CASH_INSERTION) {
            applyScannedCredit(v.code());
        } else if (meaning instanceof CodeMeaning.CreditVoucher && screen == HOME) {
            // A voucher pays for a top-up or a package, to a number and operator the kiosk does not know yet; it is
            // spent into an open order, so the customer chooses first and scans it on the payment screen.
            message = FlowMessage.info("scan.credit.choose_service");
        } else if (meaning instanceof CodeMeaning.GoodsClaim claim && screen == HOME) {
            goods.claimScanned(claim.code());
        } else if (meaning instanceof CodeMeaning.PhoneNumber p && screen == NUMBER_ENTRY) {
            session.numberDigits.setLength(0);
            session.numberDigits.append(p.number().national());
            message = null;
        } else {
            message = FlowMessage.warning(meaning.notHereKey());
        }
    }

    /**
     * Redeems a credit voucher into the open order: journaled (the voucher marked spent, the order credited) before
     * the screen shows it, so a crash after this resumes the order with the credit counted and a cancel returns cash
     * plus credit as one new voucher.
     */
    private void applyScannedCredit(String code) {
        if (session == null || session.txnId == null) {
            message = FlowMessage.warning("scan.not_here.credit_voucher");
            return;
        }
        Optional<CustomerCredit> known = orders.credit(code);
        if (known.isEmpty()) {
            message = FlowMessage.error("scan.credit.unknown");
            return;
        }
        Money after = session.funds().plus(known.get().amount());
        if (session.fee().toBalance(after).greaterThan(session.maxAmount)) {
            message = FlowMessage.error("scan.credit.over_max", session.maxAmount);
            return;
        }
        try {
            CustomerCredit applied = orders.applyCredit(session.txnId, code);
            session.creditApplied = session.creditApplied.plus(applied.amount());
            message = FlowMessage.info("scan.credit.applied", applied.amount());
        } catch (IllegalStateException e) {
            log.info("credit voucher refused txn={}: {}", session.txnId, e.getMessage());
            message = FlowMessage.error("scan.credit.already_used");
        } catch (IllegalArgumentException e) {
            log.info("credit voucher refused txn={}: {}", session.txnId, e.getMessage());
            message = FlowMessage.error("scan.credit.unknown");
        }
    }

    // Snapshots -----------------------------------------------------------------------------------------------------

    private void publish() {
        findNumber.sync(session, screen);
        syncScanner();
        FlowSnapshot next = buildSnapshot();
        current = next;
        for (Consumer<FlowSnapshot> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.error("snapshot listener failed", e);
            }
        }
    }

    private FlowSnapshot buildSnapshot() {
        // The flow's own message first; with none, a SIM card left in the reader is mentioned on every screen.
        FlowMessage shown = message == null && findNumber != null && findNumber.remindToTakeCard(screen)
                ? FlowMessage.warning("sim.take_card") : message;
        return FlowSnapshots.of(++version, screen, lang, session, shown, inactivity.countdown(), !acceptorFault,
                settings.acceptedNotes(),
                FindMyNumber.withSim(services.view(session, screen, lang), findNumber.view(session, screen, lang)));
    }

    /** For tests of dated promotions: the day the flow believes it is. */
    void setClock(java.time.Clock clock) {
        services.setClock(clock);
    }

    /** The flow as the service screens see it; every call runs on the flow thread. */
    private class ServicesHost implements FlowHost {
        @Override
        public Session session() {
            return session;
        }

        @Override
        public Screen screen() {
            return screen;
        }

        @Override
        public Lang lang() {
            return lang;
        }

        @Override
        public void moveTo(Screen next) {
            TopUpFlow.this.moveTo(next);
        }

        @Override
        public void say(FlowMessage m) {
            message = m;
        }

        @Override
        public void publish() {
            TopUpFlow.this.publish();
        }

        @Override
        public boolean endSession() {
            return TopUpFlow.this.endSession();
        }

        @Override
        public void checkNumber() {
            TopUpFlow.this.checkNumber();
        }

        @Override
        public void startPayment() {
            if (session.txnId == null) {
                session.txnId = orders.open(session);
            }
            enterCashInsertion();
        }

        @Override
        public void step(FlowExecutor.Timer timer) {
            cancelStepTimer();
            stepTimer = timer;
        }

        @Override
        public void cancelStep() {
            cancelStepTimer();
        }

        @Override
        public void printed(long token, boolean ok) {
            onPrinted(token, ok);
        }

        @Override
        public String lookupLink(String id) {
            return receipts.lookupLink(id);
        }
    }

    /** The flow as the e-PIN and eSIM screens see it. */
    private final class GoodsHost extends ServicesHost implements GoodsSales.Host {
        @Override
        public void showCredit(CustomerCredit credit) {
            TopUpFlow.this.showCredit(credit);
        }
    }
}
