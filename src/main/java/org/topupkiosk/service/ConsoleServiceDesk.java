package org.topupkiosk.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.flow.service.AuditRow;
import org.topupkiosk.flow.service.CashCount;
import org.topupkiosk.flow.service.DeviceRow;
import org.topupkiosk.flow.service.Encashed;
import org.topupkiosk.flow.service.FiscalDone;
import org.topupkiosk.flow.service.FiscalInfo;
import org.topupkiosk.flow.service.NumberingInfo;
import org.topupkiosk.flow.service.OutboxInfo;
import org.topupkiosk.flow.service.PinAttempt;
import org.topupkiosk.flow.service.PinAvailability;
import org.topupkiosk.flow.service.Receipts;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.flow.service.VerifySummary;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.OutboxStatus;
import org.topupkiosk.journal.VerifyReport;

/**
 * The {@link ServiceConsole} as the service screens see it: the same calls, answered with the service port's own
 * records instead of the journal's and the devices', so the UI depends on neither.
 */
public final class ConsoleServiceDesk implements ServiceDesk {

    private final ServiceConsole console;
    private final NumberingInfo numbering;
    /** The fiscal register's console; null without a register. */
    private FiscalConsole fiscal;

    /** A desk that knows no numbering plan (the menu says so): a console used without the kiosk's configuration. */
    public ConsoleServiceDesk(ServiceConsole console) {
        this(console, new NumberingInfo(Optional.empty(), "", 0, 0));
    }

    /** A desk for the kiosk that started with {@code plan}. */
    public ConsoleServiceDesk(ServiceConsole console, NumberingPlan plan) {
        this(console, info(plan));
    }

    private ConsoleServiceDesk(ServiceConsole console, NumberingInfo numbering) {
        this.console = Objects.requireNonNull(console, "console");
        this.numbering = numbering;
    }

    /** The fiscal section's console (a kiosk with a register); set once, before the menu opens. */
    public ConsoleServiceDesk withFiscal(FiscalConsole fiscal) {
        this.fiscal = Objects.requireNonNull(fiscal, "fiscal");
        return this;
    }

    @Override
    public CompletableFuture<FiscalInfo> fiscal() {
        return fiscal == null ? ServiceDesk.super.fiscal() : fiscal.info();
    }

    @Override
    public CompletableFuture<FiscalDone> fiscal(FiscalDone.Action action) {
        return fiscal == null ? ServiceDesk.super.fiscal(action) : fiscal.run(action);
    }

    private static NumberingInfo info(NumberingPlan plan) {
        return plan.source()
                .map(s -> new NumberingInfo(Optional.of(s.date()), s.file(), s.rows(), plan.size()))
                .orElse(new NumberingInfo(Optional.empty(), "", 0, plan.size()));
    }

    @Override
    public NumberingInfo numberingPlan() {
        return numbering;
    }

    @Override
    public List<String> deviceTests() {
        return console.deviceTests();
    }

    @Override
    public CompletableFuture<Boolean> runDeviceTest(String device, Lang lang, Consumer<String> progress) {
        return console.runDeviceTest(device, lang, progress);
    }

    @Override
    public CompletableFuture<PinAvailability> pinAvailability() {
        return console.pinAvailability().thenApply(a -> new PinAvailability(a.available(), a.problem()));
    }

    @Override
    public Duration lockedFor() {
        return console.lockedFor();
    }

    @Override
    public CompletableFuture<PinAttempt> login(char[] pin) {
        return console.login(pin).thenApply(a -> new PinAttempt(PinAttempt.Result.valueOf(a.result().name()),
                a.failuresLeft(), a.lockedFor(), a.problem()));
    }

    @Override
    public CompletableFuture<List<DeviceRow>> devices() {
        return console.devices().thenApply(list -> list.stream().map(ConsoleServiceDesk::row).toList());
    }

    private static DeviceRow row(DeviceHealth h) {
        return new DeviceRow(h.device(), DeviceRow.State.valueOf(h.state().name()), h.detail());
    }

    @Override
    public CompletableFuture<List<AuditRow>> deviceEvents() {
        return console.deviceEvents().thenApply(list -> list.stream().map(ConsoleServiceDesk::row).toList());
    }

    private static AuditRow row(AuditEntry e) {
        return new AuditRow(e.at(), e.kind(), e.txnId(), e.dataJson());
    }

    @Override
    public CompletableFuture<OutboxInfo> outbox() {
        return console.outbox().thenApply(ConsoleServiceDesk::info);
    }

    @Override
    public CompletableFuture<OutboxInfo> syncNow() {
        return console.syncNow().thenApply(ConsoleServiceDesk::info);
    }

    private static OutboxInfo info(OutboxStatus s) {
        return new OutboxInfo(s.pendingCount(), s.oldestPendingAge(), s.maxAttempts(), s.lastError(),
                s.conflictCount());
    }

    @Override
    public CompletableFuture<VerifySummary> verify() {
        return console.verify().thenApply((VerifyReport r) -> new VerifySummary(r.summary(),
                r.violations().stream().map(VerifyReport.Violation::toString).toList()));
    }

    @Override
    public CompletableFuture<Receipts> receipts() {
        return console.receipts().thenApply(r -> new Receipts(rows(r.unprinted()), rows(r.recent())));
    }

    private static List<Receipts.Row> rows(List<ServiceConsole.ReceiptRow> rows) {
        return rows.stream().map(r -> new Receipts.Row(r.receiptId(), r.txnId(), r.kind(), r.createdAt(),
                r.printed())).toList();
    }

    @Override
    public CompletableFuture<Boolean> reprint(String receiptId) {
        return console.reprint(receiptId);
    }

    @Override
    public CompletableFuture<Boolean> printTest(Lang lang) {
        return console.printTest(lang);
    }

    @Override
    public CompletableFuture<CashCount> cashBox() {
        return console.cashBox().thenApply(ConsoleServiceDesk::count);
    }

    @Override
    public CompletableFuture<CashCount> lastEncashment() {
        return console.lastEncashment().thenApply(ConsoleServiceDesk::count);
    }

    @Override
    public CompletableFuture<Encashed> encash(Lang lang, String by) {
        return console.encash(lang, by).thenApply(ConsoleServiceDesk::encashed);
    }

    @Override
    public CompletableFuture<Optional<Encashed>> reprintEncashment(Lang lang) {
        return console.reprintEncashment(lang).thenApply(done -> done.map(ConsoleServiceDesk::encashed));
    }

    private static Encashed encashed(ServiceConsole.Encashed e) {
        return new Encashed(count(e.encashment()), e.printed());
    }

    private static CashCount count(Encashment e) {
        if (e == null) {
            return null;
        }
        return new CashCount(e.id(), e.at(), e.notes().stream()
                .map(n -> new CashCount.NoteRow(n.note(), n.count(), n.amount())).toList(), e.total(), e.noteCount());
    }

    @Override
    public boolean canPowerCycle() {
        return console.canPowerCycle();
    }

    @Override
    public CompletableFuture<Boolean> powerCycleAcceptor() {
        return console.powerCycleAcceptor();
    }

    @Override
    public void servicePadOpened() {
        console.servicePadOpened();
    }

    @Override
    public void servicePadClosed() {
        console.servicePadClosed();
    }

    @Override
    public void lockCustomers() {
        console.lockCustomers();
    }

    @Override
    public void unlockCustomers() {
        console.unlockCustomers();
    }

    @Override
    public void exitApplication() {
        console.exitApplication();
    }
}
