package org.topupkiosk.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.topupkiosk.device.emulator.NoteFeeder;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.KioskFlow;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;

/**
 * A customer played by a program: taps through a cash top-up on the real flow and feeds notes into the emulated
 * acceptor's slot (whatever protocol it speaks). The self-test and the chaos harness use it, so both exercise
 * exactly what a person at the screen would.
 */
public final class ScriptedCustomer {

    private final KioskFlow flow;
    private final NoteFeeder acceptor;
    private final BlockingQueue<FlowSnapshot> snapshots = new LinkedBlockingQueue<>();

    public ScriptedCustomer(KioskFlow flow, NoteFeeder acceptor) {
        this.flow = flow;
        this.acceptor = acceptor;
        flow.subscribe(snapshots::add);
    }

    /** From the idle screen to the cash screen: number, the carrier's check, the amount. */
    public FlowSnapshot startTopUp(String nationalNumber, long amountRub) throws InterruptedException {
        flow.submit(new FlowCommand.Start());
        flow.submit(new FlowCommand.SetLanguage(Lang.EN));
        // Home tiles, then "not sure of the operator": the carrier's check names it.
        flow.submit(new FlowCommand.ChooseService(Service.TOPUP));
        flow.submit(new FlowCommand.Next());
        for (char c : nationalNumber.toCharArray()) {
            flow.submit(new FlowCommand.Digit(c - '0'));
        }
        flow.submit(new FlowCommand.Next());
        FlowSnapshot s = await(x -> x.screen() == Screen.OPERATOR_CONFIRM
                || (x.screen() == Screen.NUMBER_ENTRY && x.message() != null), Duration.ofSeconds(30));
        if (s.screen() != Screen.OPERATOR_CONFIRM) {
            throw new IllegalStateException("number refused: " + s.message().key());
        }
        flow.submit(new FlowCommand.Next());
        for (char c : Long.toString(amountRub).toCharArray()) {
            flow.submit(new FlowCommand.Digit(c - '0'));
        }
        flow.submit(new FlowCommand.Next());
        return await(x -> x.screen() == Screen.CASH_INSERTION, Duration.ofSeconds(10));
    }

    /** Feeds notes until the inserted total reaches {@code target} or the notes run out. */
    public FlowSnapshot insertUntil(Money target, List<Money> notes) throws InterruptedException {
        FlowSnapshot s = flow.current();
        for (Money note : notes) {
            if (!s.cashInserted().lessThan(target)) {
                break;
            }
            Money before = s.cashInserted();
            acceptor.insert(note);
            s = await(x -> x.cashInserted().greaterThan(before), Duration.ofSeconds(10));
        }
        return s;
    }

    /** Pay and confirm; returns the done (or credit voucher) screen. */
    public FlowSnapshot payAndConfirm() throws InterruptedException {
        flow.submit(new FlowCommand.Pay());
        await(x -> x.screen() == Screen.CONFIRM, Duration.ofSeconds(10));
        flow.submit(new FlowCommand.Confirm());
        return await(x -> x.screen() == Screen.DONE || x.screen() == Screen.CREDIT_VOUCHER, Duration.ofSeconds(30));
    }

    public FlowSnapshot await(Predicate<FlowSnapshot> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        FlowSnapshot now = flow.current();
        if (p.test(now)) {
            return now;
        }
        while (true) {
            long left = deadline - System.nanoTime();
            FlowSnapshot s = left > 0 ? snapshots.poll(left, TimeUnit.NANOSECONDS) : null;
            if (s == null) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for the flow; it shows "
                        + flow.current().screen());
            }
            if (p.test(s)) {
                return s;
            }
        }
    }
}
