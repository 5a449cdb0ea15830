package org.topupkiosk.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.emulator.sim.VirtualSimFaults;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.emulator.sim.VirtualSimRig;

/**
 * The device panel's SIM buttons in simulation mode: which virtual cards it offers, and the hand that puts one into
 * the reader (through pcscd's vpcd reader or the memory slot, whichever the rig has) and takes it out. Both run off
 * the FX thread: a vpcd connect, and waiting for pcscd to see the slot empty, take a moment.
 */
public final class PanelSim {

    private static final Logger log = LoggerFactory.getLogger(PanelSim.class);

    private final VirtualSimRig rig;

    /** {@code rig} may be null (no simulated reader): the panel then shows no SIM buttons. */
    public PanelSim(VirtualSimRig rig) {
        this.rig = rig;
    }

    /** The configured card first, so one tap on "Insert SIM" inserts it; empty without a rig. */
    public List<String> profiles() {
        if (rig == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(rig.defaultCard().name());
        VirtualSimProfile.ALL.stream().map(VirtualSimProfile::name).filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    public void insert(String profile) {
        VirtualSimProfile p = profile == null ? null : VirtualSimProfile.named(profile).orElse(null);
        if (rig == null || p == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                rig.insert(p, VirtualSimFaults.NONE);
            } catch (java.io.IOException e) {
                log.warn("device panel could not insert the virtual SIM: {}", e.getMessage());
            }
        }, "panel-sim-insert");
        t.setDaemon(true);
        t.start();
    }

    public void remove() {
        if (rig != null) {
            Thread t = new Thread(rig::remove, "panel-sim-remove");
            t.setDaemon(true);
            t.start();
        }
    }
}
