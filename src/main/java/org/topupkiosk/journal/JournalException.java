package org.topupkiosk.journal;

/**
 * The journal could not read or write its database (disk, lock, corruption). The operation was rolled back. Illegal
 * requests (wrong state, bad amounts) are {@link IllegalStateException} or {@link IllegalArgumentException} instead.
 */
public final class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
