package org.topupkiosk.device.emulator.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.topupkiosk.device.sim.ApduChannel;
import org.topupkiosk.device.sim.CardSlot;
import org.topupkiosk.device.sim.SimCardSession;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimException.Code;

/**
 * A card slot in memory: the virtual SIM's APDUs go straight to the card object. Simulation mode uses it when pcscd
 * is not there, so the real {@link SimCardSession} still runs against the real card model.
 * A mute card blocks the reader until the card is taken out; a pulled card fails the next command with CARD_REMOVED.
 */
public final class MemoryCardSlot implements CardSlot, SimInserter {

    public static final String NAME = "Virtual SIM (memory)";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private VirtualSimCard card;
    private VirtualSimFaults faults = VirtualSimFaults.NONE;
    /** Bumped on every insert and remove, so a channel to a card that left fails even if another went in. */
    private long generation;
    private int answered;

    @Override
    public void insert(VirtualSimCard c, VirtualSimFaults f) {
        lock.lock();
        try {
            card = c;
            card.reset();
            faults = f;
            answered = 0;
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void remove() {
        lock.lock();
        try {
            if (card != null) {
                card = null;
                generation++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean holdsCard() {
        lock.lock();
        try {
            return card != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean waitForPresent(long timeoutMs) throws SimException {
        return await(true, timeoutMs);
    }

    @Override
    public boolean waitForAbsent(long timeoutMs) throws SimException {
        return await(false, timeoutMs);
    }

    private boolean await(boolean wantCard, long timeoutMs) throws SimException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while ((card != null) != wantCard) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException(Code.TRANSPORT, "interrupted while waiting for the slot", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ApduChannel connect() throws SimException {
        long gen;
        lock.lock();
        try {
            if (card == null) {
                throw new SimException(Code.NO_CARD, "no card in " + NAME);
            }
            gen = generation;
        } finally {
            lock.unlock();
        }
        return command -> transmit(gen, command);
    }

    private byte[] transmit(long gen, byte[] command) throws SimException {
        lock.lock();
        try {
            if (card == null || generation != gen) {
                throw new SimException(Code.CARD_REMOVED, "the card left " + NAME);
            }
            if (faults.mute()) {
                while (card != null && generation == gen) {
                    changed.await();
                }
                throw new SimException(Code.CARD_REMOVED, "the mute card left " + NAME);
            }
            if (faults.pullAfterApdus() >= 0 && answered >= faults.pullAfterApdus()) {
                card = null;
                generation++;
                changed.signalAll();
                throw new SimException(Code.CARD_REMOVED, "the card was pulled out of " + NAME);
            }
            answered++;
            return card.process(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException(Code.MUTE, "gave up waiting for the mute card", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void disconnect() {
        // Nothing is held between commands in memory.
    }
}
