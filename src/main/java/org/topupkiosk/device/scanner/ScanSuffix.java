package org.topupkiosk.device.scanner;

/**
 * What a scanner sends after each code (its "suffix" setting). CR, LF and CRLF all end a code at either byte, since
 * neither ever belongs in one; NONE ends a code when the line has been quiet for the idle gap.
 */
public enum ScanSuffix {
    CR("\r"), LF("\n"), CRLF("\r\n"), TAB("\t"), NONE("");

    private final String bytes;

    ScanSuffix(String bytes) {
        this.bytes = bytes;
    }

    /** The characters themselves, for emulators. */
    public String text() {
        return bytes;
    }

    boolean ends(int b) {
        return b == '\r' || b == '\n' || (this == TAB && b == '\t');
    }
}
