package org.topupkiosk.carrier.osmp;

/**
 * An OSMP answer body we cannot trust: not XML, a DTD or entity, too big, a required element missing or of the wrong
 * type. The only exception {@link OsmpXml#parse} throws; the gateway turns it into an unknown outcome (retried with
 * the same {@code txn_id}).
 */
public final class OsmpGarbledException extends Exception {

    public OsmpGarbledException(String message) {
        super(message);
    }

    public OsmpGarbledException(String message, Throwable cause) {
        super(message, cause);
    }
}
