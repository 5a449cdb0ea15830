package org.topupkiosk.carrier.wire;

/** A JSON document that does not have the shape docs/openapi.yaml promises: missing field, wrong type, bad value. */
public final class WireFormatException extends RuntimeException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
