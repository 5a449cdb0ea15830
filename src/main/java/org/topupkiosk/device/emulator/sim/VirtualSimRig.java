package org.topupkiosk.device.emulator.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimCardReader;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimSlotReader;

/**
 * Simulation mode's SIM reader and the hand that inserts the virtual SIM. With pcscd and vsmartcard's vpcd present,
 * the card goes in over vpcd and the real PC/SC reader reads it, so the demo runs the same stack as a kiosk. Without
 * pcscd it falls back to a memory slot: the same card model and the same {@code SimCardSession}, no daemon.
 */
public final class VirtualSimRig implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VirtualSimRig.class);

    private final SimCardReader reader;
    private final SimInserter hand;
    private final boolean pcsc;
    private final VirtualSimProfile defaultCard;

    private VirtualSimRig(SimCardReader reader, SimInserter hand, boolean pcsc, VirtualSimProfile defaultCard) {
        this.reader = reader;
        this.hand = hand;
        this.pcsc = pcsc;
        this.defaultCard = defaultCard;
    }

    /**
     * @param readerPattern the vpcd reader's name or a part of it ("Virtual PCD 00 00")
     * @param vpcdPort      vpcd's port for that reader (35963 for slot 00)
     */
    public static VirtualSimRig open(String readerPattern, int vpcdPort, Duration readTimeout,
                                     VirtualSimProfile defaultCard) {
        Objects.requireNonNull(defaultCard, "defaultCard");
        String why;
        try {
            List<String> names = PcscCardSlot.readerNames();
            String p = readerPattern.toLowerCase(Locale.ROOT);
            if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(p))) {
                log.info("sim simulation: virtual SIM through pcscd reader=\"{}\" vpcd=127.0.0.1:{}", readerPattern,
                        vpcdPort);
                return new VirtualSimRig(new SimSlotReader(new PcscCardSlot(readerPattern), readTimeout),
                        new VpcdCardClient("127.0.0.1", vpcdPort, readerPattern), true, defaultCard);
            }
            why = "pcscd has no reader matching \"" + readerPattern + "\" (readers: " + names + ")";
        } catch (SimException e) {
            why = e.getMessage();
        }
        log.info("sim simulation: pcscd not usable ({}); the virtual SIM goes straight into an in-memory slot", why);
        MemoryCardSlot slot = new MemoryCardSlot();
        return new VirtualSimRig(new SimSlotReader(slot, readTimeout), slot, false, defaultCard);
    }

    /** The reader the kiosk uses; not started. */
    public SimCardReader reader() {
        return reader;
    }

    /** True when the card travels through pcscd and vpcd; false for the in-memory fallback. */
    public boolean throughPcsc() {
        return pcsc;
    }

    public VirtualSimProfile defaultCard() {
        return defaultCard;
    }

    public void insert(VirtualSimProfile profile, VirtualSimFaults faults) throws IOException {
        hand.insert(new VirtualSimCard(profile), faults);
    }

    public void remove() {
        hand.remove();
    }

    public boolean holdsCard() {
        return hand.holdsCard();
    }

    @Override
    public void close() {
        hand.remove();
        reader.close();
    }
}
