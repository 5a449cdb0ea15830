package org.topupkiosk.device.cash.id003;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.topupkiosk.domain.Money;

/**
 * Which note each ID003 escrow code stands for. The escrow codes 0x61..0x70 (ESCROW's data byte) are fixed by the
 * protocol, but the note behind each code is set by the unit's currency firmware, so the driver asks the unit at start
 * with CURRENCY ASSIGN REQUEST (0x8A), as the CCNET driver reads its bill table; configuration only chooses which notes
 * are enabled ({@code sales.acceptedNotesRub}).
 *
 * <p>The reply's data, as this build reads it ({@link #parse}) and the emulator writes it ({@link #encode}): one 4-byte
 * group per escrow code, {@code [escrow code 0x61..0x70] [country code] [mantissa] [exponent]}, the note being
 * {@code mantissa x 10^exponent} units of the currency (500 roubles: {@code 64 cc 05 02}). A mantissa of 0 marks an
 * unassigned code; an exponent with bit 7 set (a fraction of the unit) is skipped as no rouble note. This layout is the
 * one public descriptions of the request agree on in outline; we could not confirm it byte for byte against JCM's
 * document, nor the value of the country code, which is therefore logged and not checked. Check a real unit with
 * "kioskctl cash test" (it prints the table it read) before going live.
 *
 * <p>Denomination enable (0xC0) takes two bytes where a set bit inhibits the code: bit 0 of the first byte is 0x61.
 */
public final class Id003Denominations {

    public static final int FIRST_CODE = 0x61;
    public static final int CODES = 16;

    /** Bytes per escrow code in the CURRENCY ASSIGN reply. */
    public static final int GROUP = 4;

    /**
     * A common ruble order: 10, 50, 100, 500, 1000, 5000 as issued first, then 200 and 2000 added later (2017). The
     * emulator's default firmware; the driver uses it only when configured as the table of a unit that cannot report.
     */
    public static final Id003Denominations RUB_DEFAULT = new Id003Denominations(Map.of(
            0x61, Money.rub(10), 0x62, Money.rub(50), 0x63, Money.rub(100), 0x64, Money.rub(500),
            0x65, Money.rub(1000), 0x66, Money.rub(5000), 0x67, Money.rub(200), 0x68, Money.rub(2000)));

    private final Map<Integer, Money> byCode;

    public Id003Denominations(Map<Integer, Money> byCode) {
        for (Map.Entry<Integer, Money> e : byCode.entrySet()) {
            int code = e.getKey();
            if (code < FIRST_CODE || code >= FIRST_CODE + CODES) {
                throw new IllegalArgumentException(String.format("escrow code 0x%02x outside 0x61..0x70", code));
            }
            if (!e.getValue().isPositive()) {
                throw new IllegalArgumentException(String.format("escrow code 0x%02x has amount %s", code, e.getValue()));
            }
        }
        this.byCode = Collections.unmodifiableMap(new TreeMap<>(byCode));
    }

    /** The notes of escrow codes 0x61, 0x62, ... in that order: the form the configuration gives. */
    public static Id003Denominations inCodeOrder(List<Money> notes) {
        Map<Integer, Money> m = new TreeMap<>();
        for (int i = 0; i < notes.size(); i++) {
            m.put(FIRST_CODE + i, notes.get(i));
        }
        return new Id003Denominations(m);
    }

    /**
     * Reads the data of a CURRENCY ASSIGN (0x8A) reply (layout in the class comment).
     *
     * @throws IllegalArgumentException with a message saying what is wrong, for any data that is not such a table
     */
    public static Id003Denominations parse(byte[] data) {
        if (data.length == 0 || data.length % GROUP != 0 || data.length > CODES * GROUP) {
            throw new IllegalArgumentException("currency assign data of " + data.length + " bytes (expected 1 to "
                    + CODES + " groups of " + GROUP + ")");
        }
        Map<Integer, Money> m = new TreeMap<>();
        for (int o = 0; o < data.length; o += GROUP) {
            int code = data[o] & 0xFF;
            int mantissa = data[o + 2] & 0xFF;
            int exponent = data[o + 3] & 0xFF;
            if (code < FIRST_CODE || code >= FIRST_CODE + CODES) {
                throw new IllegalArgumentException(String.format("escrow code 0x%02x outside 0x61..0x70", code));
            }
            if (m.containsKey(code)) {
                throw new IllegalArgumentException(String.format("escrow code 0x%02x listed twice", code));
            }
            if (mantissa == 0 || (exponent & 0x80) != 0) {
                continue; // unassigned, or a fraction of the unit: no rouble note
            }
            if (exponent > 9) {
                throw new IllegalArgumentException(String.format("escrow code 0x%02x has exponent %d (expected 0..9)",
                        code, exponent));
            }
            long units = mantissa;
            for (int i = 0; i < exponent; i++) {
                units *= 10;
            }
            if (m.containsValue(Money.rub(units))) {
                throw new IllegalArgumentException(String.format("escrow code 0x%02x repeats the note %d", code, units));
            }
            m.put(code, Money.rub(units));
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("currency assign data names no note");
        }
        return new Id003Denominations(m);
    }

    /** The CURRENCY ASSIGN reply data for this table, as a unit with {@code countryCode} would send it. */
    public byte[] encode(int countryCode) {
        byte[] out = new byte[byCode.size() * GROUP];
        int o = 0;
        for (Map.Entry<Integer, Money> e : byCode.entrySet()) {
            long units = e.getValue().wholeUnits();
            int exponent = 0;
            while (units >= 10 && units % 10 == 0) {
                units /= 10;
                exponent++;
            }
            if (units > 255 || e.getValue().minor() % 100 != 0) {
                throw new IllegalStateException(e.getValue().plain() + " has no 1-byte mantissa");
            }
            out[o] = (byte) (int) e.getKey();
            out[o + 1] = (byte) countryCode;
            out[o + 2] = (byte) units;
            out[o + 3] = (byte) exponent;
            o += GROUP;
        }
        return out;
    }

    public Optional<Money> amount(int escrowCode) {
        return Optional.ofNullable(byCode.get(escrowCode));
    }

    /** The code of a note, or -1. */
    public int code(Money note) {
        for (Map.Entry<Integer, Money> e : byCode.entrySet()) {
            if (e.getValue().equals(note)) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** The notes this table knows, ascending. */
    public List<Money> known() {
        List<Money> out = new ArrayList<>(byCode.values());
        Collections.sort(out);
        return out;
    }

    /** The two data bytes of 0xC0: a set bit inhibits the code; every code not in {@code wanted} is inhibited. */
    public byte[] inhibitMask(Set<Money> wanted) {
        int bits = 0xFFFF;
        for (Map.Entry<Integer, Money> e : byCode.entrySet()) {
            if (wanted.contains(e.getValue())) {
                bits &= ~(1 << (e.getKey() - FIRST_CODE));
            }
        }
        return new byte[] {(byte) bits, (byte) (bits >>> 8)};
    }

    /** True when {@code mask} (0xC0's data) lets the code through. */
    public static boolean enabled(byte[] mask, int escrowCode) {
        int bit = escrowCode - FIRST_CODE;
        if (bit < 0 || bit >= CODES || mask.length < 2) {
            return false;
        }
        return (mask[bit / 8] & (1 << (bit % 8))) == 0;
    }
}
