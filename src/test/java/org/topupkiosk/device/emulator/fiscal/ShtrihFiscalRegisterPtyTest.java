package org.topupkiosk.device.emulator.fiscal;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihPasswords;
import org.topupkiosk.device.serial.JSerialCommLink;

/**
 * Issue 13's acceptance over a real pty pair: the kiosk's Shtrih-M driver against the emulator, 100 payments on a noisy
 * line with a power cut mid-receipt before and after the storage signs (see {@link FiscalPtyScenario}).
 */
class ShtrihFiscalRegisterPtyTest {

    @TempDir
    Path dir;

    @Test
    void hundredPaymentsWithCorruptedFramesAndPowerCutsAgreeWithTheFnArchive() throws Exception {
        new FiscalPtyScenario(dir, port -> {
            ShtrihFiscalRegister driver = new ShtrihFiscalRegister(new JSerialCommLink(port, FiscalPtyScenario.LINE),
                    ShtrihLink.Settings.DEFAULT, new ShtrihPasswords(1, 30));
            try {
                driver.start();
            } catch (DeviceException e) {
                throw new IllegalStateException("the driver did not start: " + e.getMessage(), e);
            }
            return (FiscalRegister) driver;
        }).run();
    }
}
