package org.topupkiosk.device.emulator.scanner;

import org.topupkiosk.domain.Symbology;

/**
 * What a person (or a test) can do to an emulated scanner: show it a code. The device panel feeds samples through
 * this whichever scanner type the kiosk runs (serial, wedge or camera emulator).
 */
public interface CodeFeeder {

    /** A code of this family with this text passes in front of the scanner. */
    void scan(String text, Symbology symbology);
}
