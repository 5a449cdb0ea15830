package org.topupkiosk.flow.core;

/**
 * The flow's handle on the code scanner: it arms it on the screens that take a code and disarms it elsewhere. A
 * scanner delivers one reading per arm, so the flow arms it again after handling each reading. Called on the flow
 * thread only. {@link #NONE} for a kiosk without a scanner.
 */
public interface ScannerControl {

    void arm();

    void disarm();

    ScannerControl NONE = new ScannerControl() {
        @Override
        public void arm() {}

        @Override
        public void disarm() {}
    };
}
