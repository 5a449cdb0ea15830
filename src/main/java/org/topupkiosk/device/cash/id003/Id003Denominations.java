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
 * Which note each ID003 escrow code stands for. The escrow codes 0x61..0x68 (ESCROW's data byte) are fixed by the
 * protocol, but the note behind each code is set by the unit's currency firmware. The acceptor can report it (currency
 * assign request, 0x8A), but we found no public description of that reply we could trust, so this build takes the
 * table from configuration ({@code devices.billAcceptor.escrowNotes}) instead and does not read it from the unit.
 * {@link #RUB_DEFAULT} is the order we assume for ruble firmware; a unit whose firmware differs needs its own table, or
 * every escrow is mis-valued. Check it against real notes with "kioskctl cash test" before going live.
 *
 * <p>Denomination enable (0xC0) takes two bytes where a set bit inhibits the code: bit 0 of the first byte is 0x61.
 */
public final class Id003Denominations {

    public static final int FIRST_CODE = 0x61;
    public static final int CODES = 16;

    /** Assumed ruble order: 10, 50, 100, 500, 1000, 5000 as issued first, then 200 and 2000 added later (2017). */
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
