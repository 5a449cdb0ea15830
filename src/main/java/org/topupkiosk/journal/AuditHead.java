package org.topupkiosk.journal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of the audit chain: how many rows it has and the hash of the last one (64 zeros when empty). It is printed
 * on every Z and encashment report and kept in a file beside the audit key, so a chain cut short or rewritten shows
 * against paper: {@code kioskctl journal verify --head <count>:<hash>}. On paper the hash is shortened to
 * {@value #PRINTED_HEX} hex digits; a head read back may hold any prefix of at least that many.
 */
public record AuditHead(long count, String hash) {

    public static final int PRINTED_HEX = 16;

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,12})\\s*:\\s*([0-9a-fA-F]{16,64})\\s*");

    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (count < 0) {
            throw new IllegalArgumentException("an audit head counts rows from 0, got " + count);
        }
        hash = hash.toLowerCase(Locale.ROOT);
    }

    /** Reads {@code <count>:<hash>} as printed on a report or kept in the head file; IllegalArgumentException else. */
    public static AuditHead parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("an audit head is <rows>:<at least " + PRINTED_HEX
                    + " hex digits> as printed on a Z or encashment report, got '" + text + "'");
        }
        return new AuditHead(Long.parseLong(m.group(1)), m.group(2));
    }

    /** The form printed on paper: the row count and the first {@value #PRINTED_HEX} hex digits of the hash. */
    public String printed() {
        return count + ":" + hash.substring(0, Math.min(PRINTED_HEX, hash.length()));
    }

    /** True when the chain's row number {@code count} has a hash starting with this head's hash. */
    boolean matchesHash(String fullHash) {
        return fullHash != null && fullHash.toLowerCase(Locale.ROOT).startsWith(hash);
    }

    @Override
    public String toString() {
        return count + ":" + hash;
    }
}
