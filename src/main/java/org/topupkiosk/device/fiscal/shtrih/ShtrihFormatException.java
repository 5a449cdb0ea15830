package org.topupkiosk.device.fiscal.shtrih;

/**
 * Bytes that do not fit the Shtrih-M layout they were read as: a frame, a command's parameters or an answer's data.
 * The message names the field, so a log line says what was wrong rather than where an index ran out.
 */
public final class ShtrihFormatException extends IllegalArgumentException {

    private final String field;

    public ShtrihFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
