package org.topupkiosk.device.scanner;

import java.util.Optional;
import javafx.scene.Scene;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Symbology;

/**
 * A keyboard-wedge scanner: a USB scanner that pretends to be a keyboard. Its codes arrive as key events in the
 * kiosk's window; {@link WedgeKeyFilter} on the scene takes them out before any control sees them. Readings come on
 * the FX thread; the listener posts them to the flow. {@link #install(Scene)} on the FX thread after {@link #start()}.
 * With {@code aimIds}, a leading AIM identifier ("]C0") names the symbology and is removed.
 */
public final class WedgeCodeScanner extends ScannerCore {

    private final WedgeKeyFilter filter;
    private final boolean aimIds;
    private volatile boolean installed;

    public WedgeCodeScanner(WedgeClassifier.Settings settings, boolean aimIds, long sameCodeQuietMs) {
        super("scanner", sameCodeQuietMs, System::nanoTime);
        this.aimIds = aimIds;
        this.filter = new WedgeKeyFilter(settings, this::scanned, System::nanoTime);
    }

    /** Puts the filter on the kiosk's scene (FX thread). Scans are taken out of the key stream even when disarmed. */
    public void install(Scene scene) {
        filter.install(scene);
        installed = true;
    }

    private void scanned(String text) {
        Symbology sym = Symbology.UNKNOWN;
        String body = text;
        if (aimIds) {
            Optional<Symbology> aim = Symbology.fromAimPrefix(text);
            if (aim.isPresent()) {
                sym = aim.get();
                body = text.substring(3);
            }
        }
        offer(new ScanReading(body, sym, ScanReading.Source.WEDGE));
    }

    @Override
    protected void startDevice() {
        // Nothing to open: the keyboard is the window's. The filter delivers once the lifecycle is enabled.
    }

    @Override
    protected void stopDevice() {
        if (installed) {
            installed = false;
            javafx.application.Platform.runLater(filter::uninstall);
        }
    }

    @Override
    protected DeviceHealth deviceHealth(String counters) {
        return new DeviceHealth("scanner", DeviceHealth.State.OK, "keyboard wedge scans=" + filter.scanCount()
                + " typed_keys_passed=" + filter.releasedCount() + " " + counters);
    }
}
