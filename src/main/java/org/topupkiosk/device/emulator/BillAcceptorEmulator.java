package org.topupkiosk.device.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Money;

/**
 * What a bill acceptor emulator is whatever protocol it speaks: a device that answers host frames on a serial line
 * from a thread of its own, outlives the link (the cable is pulled and put back, the kiosk dies and restarts), and
 * keeps the physical truth the tests compare against: the notes in the slot, the cash box, notes that went in during
 * a power cut, and how many notes were returned or refused. Subclasses speak the protocol: they decode frames and
 * answer them, holding the device's lock ({@code this}) while they do, as these fields need.
 */
public abstract class BillAcceptorEmulator implements NoteFeeder, AutoCloseable {

    /** A note in the slot; {@code rejectReason} > 0 makes the device refuse it for that (protocol) reason. */
    protected record Insert(Money note, int rejectReason) {}

    /** A fault a person causes; the protocol reports it as its own state at the next chance (when idle). */
    protected enum Fault { JAM, CASH_BOX_OUT, CASH_BOX_FULL, FAILURE }

    protected final Random random;
    private volatile LineNoise noise;
    private final LinkThread line;

    protected final Deque<Insert> slot = new ArrayDeque<>();
    protected final List<Money> cashBox = new ArrayList<>();
    protected final List<Money> unreported = new ArrayList<>();
    protected int returned;
    protected int rejected;
    /** The fault to report at the next chance, or null. */
    protected Fault pendingFault;
    protected boolean cutPowerOnNextStack;
    protected Consumer<Money> onNoteStacked = m -> { };
    protected Runnable onPowerCut = () -> { };

    protected BillAcceptorEmulator(String threadName, LineNoise noise, long seed) {
        this.line = new LinkThread(threadName, this::session);
        this.noise = noise;
        this.random = new Random(seed);
    }

    // Protocol --------------------------------------------------------------------------------------------------------

    /** A fresh decoder for the protocol's frames (one per link). */
    protected abstract FrameDecoder decoder();

    /** The answer to what the decoder found (a frame, or a damaged one), or null when the device says nothing. */
    protected abstract byte[] answer(FrameDecoder.Decoded decoded);

    /** The line settings a host must use to talk to this device. */
    public abstract SerialSettings line();

    /** True when nothing is in the slot or on its way: every inserted note has been stacked, returned or refused. */
    public abstract boolean settled();

    /** A technician cleared the fault: an out-of-service device goes back to idle. */
    protected abstract void faultCleared();

    // The line --------------------------------------------------------------------------------------------------------

    /** Answers on {@code port} from a thread of its own until {@link #stop()}. The device state stays across links. */
    public synchronized void serve(SerialLink port) {
        line.serve(port);
    }

    /** Stops answering (the cable is pulled); the device keeps its state and its cash box. */
    public void stop() {
        line.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** One link's session: frames decoded and answered, each answer through the line's noise. */
    private LinkThread.Session session(SerialLink port) {
        FrameDecoder decoder = decoder();
        byte[] buf = new byte[256];
        return () -> {
            int n = port.read(buf, 100);
            for (FrameDecoder.Decoded d : decoder.feed(buf, n)) {
                byte[] reply = answer(d);
                if (reply != null) {
                    port.write(noise.apply(reply, random));
                }
            }
        };
    }

    public void noise(LineNoise n) {
        this.noise = n;
    }

    // What a person does to the device -------------------------------------------------------------------------------

    /** A note the table does not know is rejected ("identification"); one not enabled is rejected ("inhibit"). */
    @Override
    public synchronized void insert(Money note) {
        slot.add(new Insert(note, 0));
    }

    @Override
    public synchronized void jam() {
        pendingFault = Fault.JAM;
    }

    @Override
    public synchronized void cashBoxOut() {
        pendingFault = Fault.CASH_BOX_OUT;
    }

    public synchronized void cashBoxFull() {
        pendingFault = Fault.CASH_BOX_FULL;
    }

    public synchronized void failure() {
        pendingFault = Fault.FAILURE;
    }

    @Override
    public synchronized void clearFault() {
        pendingFault = null;
        faultCleared();
    }

    /** A note that is refused for a reason: the device draws it in and rejects it with that protocol reason code. */
    public synchronized void insertRejected(int reason) {
        slot.add(new Insert(null, reason));
    }

    /**
     * The next STACK loses power half-way: the note lands in the cash box and the device wakes up saying only "bill in
     * stacker", not which bill; {@code then} runs on the emulator thread at that moment.
     */
    public synchronized void cutPowerOnNextStack(Runnable then) {
        cutPowerOnNextStack = true;
        onPowerCut = then;
    }

    /** Called on the emulator thread when a note lands in the cash box, for the latency bench. Keep it short. */
    public synchronized void onNoteStacked(Consumer<Money> hook) {
        this.onNoteStacked = hook;
    }

    // The physical truth ----------------------------------------------------------------------------------------------

    public synchronized List<Money> cashBox() {
        return List.copyOf(cashBox);
    }

    public synchronized Money cashBoxTotal() {
        return cashBox.stream().reduce(Money.ZERO_RUB, Money::plus);
    }

    /** Notes that reached the cash box during a power cut: the device never said which (only "bill in stacker"). */
    public synchronized List<Money> unreportedInStacker() {
        return List.copyOf(unreported);
    }

    public synchronized int returnedCount() {
        return returned;
    }

    public synchronized int rejectedCount() {
        return rejected;
    }

}
