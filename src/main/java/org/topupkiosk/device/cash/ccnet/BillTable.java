package org.topupkiosk.device.cash.ccnet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.topupkiosk.domain.Money;

/**
 * The validator's bill table (GET BILL TABLE, 0x41): 24 entries of 5 bytes, one per bill type. Each entry is a
 * digit, a 3-letter country code and a power of ten (bit 7 set: negative), so value = digit x 10^power; an empty slot
 * is all zeros (CCNET description, "GET BILL TABLE"). Ruble firmware says "RUS". Which index holds which note
 * differs between firmwares, so the driver reads the table at start and never assumes an index.
 */
public record BillTable(List<Entry> entries) {

    public static final int TYPES = 24;
    public static final int ENTRY_BYTES = 5;

    /** @param amount null when the slot is empty or not in roubles */
    public record Entry(int billType, String country, Money amount) {}

    public BillTable {
        entries = List.copyOf(entries);
    }

    public static BillTable parse(byte[] data) {
        if (data.length < TYPES * ENTRY_BYTES) {
            throw new IllegalArgumentException("bill table of " + data.length + " bytes, expected " + TYPES * ENTRY_BYTES);
        }
        List<Entry> out = new ArrayList<>();
        for (int t = 0; t < TYPES; t++) {
            int o = t * ENTRY_BYTES;
            int digit = data[o] & 0xFF;
            String country = new String(data, o + 1, 3, StandardCharsets.US_ASCII);
            int power = data[o + 4] & 0xFF;
            Money amount = null;
            if (digit != 0 && (power & 0x80) == 0 && power <= 9 && country.equals("RUS")) {
                long rubles = digit;
                for (int i = 0; i < power; i++) {
                    rubles *= 10;
                }
                amount = Money.rub(rubles);
            }
            out.add(new Entry(t, digit == 0 ? "" : country, amount));
        }
        return new BillTable(out);
    }

    /** Encodes rouble notes into table bytes, slot by slot; nulls are empty slots. For the emulator and fixtures. */
    public static byte[] encode(List<Money> slots) {
        byte[] out = new byte[TYPES * ENTRY_BYTES];
        for (int t = 0; t < Math.min(TYPES, slots.size()); t++) {
            Money m = slots.get(t);
            if (m == null) {
                continue;
            }
            long v = m.wholeUnits();
            int power = 0;
            while (v >= 10 && v % 10 == 0) {
                v /= 10;
                power++;
            }
            if (v > 255) {
                throw new IllegalArgumentException(m + " does not fit a bill table entry");
            }
            int o = t * ENTRY_BYTES;
            out[o] = (byte) v;
            System.arraycopy("RUS".getBytes(StandardCharsets.US_ASCII), 0, out, o + 1, 3);
            out[o + 4] = (byte) power;
        }
        return out;
    }

    public Optional<Money> amount(int billType) {
        if (billType < 0 || billType >= entries.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(billType).amount());
    }

    /** Notes this table knows, ascending, for the service tool. */
    public List<Entry> known() {
        List<Entry> k = new ArrayList<>();
        for (Entry e : entries) {
            if (e.amount() != null) {
                k.add(e);
            }
        }
        k.sort((a, b) -> a.amount().compareTo(b.amount()));
        return Collections.unmodifiableList(k);
    }

    /**
     * The 3-byte mask for ENABLE BILL TYPES with the bits of the notes in {@code allowed}: first byte types 23-16,
     * last byte types 7-0.
     */
    public byte[] mask(Set<Money> allowed) {
        byte[] mask = new byte[3];
        for (Entry e : entries) {
            if (e.amount() != null && allowed.contains(e.amount())) {
                mask[2 - e.billType() / 8] |= (byte) (1 << (e.billType() % 8));
            }
        }
        return mask;
    }

    /** Whether bit {@code billType} is set in a 3-byte mask laid out as {@link #mask}. */
    public static boolean bit(byte[] mask, int offset, int billType) {
        return (mask[offset + 2 - billType / 8] & (1 << (billType % 8))) != 0;
    }
}
