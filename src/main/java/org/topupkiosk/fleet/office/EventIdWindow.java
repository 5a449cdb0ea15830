package org.topupkiosk.fleet.office;

import java.nio.charset.StandardCharsets;

/**
 * The last {@code capacity} event ids of one kiosk, to drop the repeats an at-least-once delivery brings. Ids are kept
 * as 64-bit hashes in a ring (oldest forgotten first) and an open-addressing table, about 24 bytes an id, growing from
 * small as ids arrive, so a thousand quiet kiosks cost little. A false repeat needs two ids of one kiosk with the same
 * 64-bit hash among its last few thousand: odds about 1 in 10^12. Not thread-safe: the kiosk's record guards it.
 */
final class EventIdWindow {

    private static final int FIRST = 16;

    private final int capacity;
    private long[] ring;
    private int start;
    private int size;
    private long[] table;

    EventIdWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event id window holds at least one id");
        }
        this.capacity = capacity;
        this.ring = new long[Math.min(FIRST, capacity)];
        this.table = new long[tableSize(ring.length)];
    }

    /** True when the id is new (and now remembered), false when it is among the last {@code capacity} ids. */
    boolean add(String id) {
        long h = hash(id);
        if (contains(h)) {
            return false;
        }
        if (size == ring.length) {
            if (ring.length < capacity) {
                grow();
            } else {
                remove(ring[start]);
                start = (start + 1) % ring.length;
                size--;
            }
        }
        ring[(start + size) % ring.length] = h;
        size++;
        insert(h);
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = new long[Math.min(ring.length * 2, capacity)];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(start + i) % ring.length];
        }
        ring = bigger;
        start = 0;
        table = new long[tableSize(bigger.length)];
        for (int i = 0; i < size; i++) {
            insert(ring[i]);
        }
    }

    /** A power of two at least twice the ids held: probes stay short. */
    private static int tableSize(int ids) {
        return Integer.highestOneBit(Math.max(2, ids * 2 - 1)) << 1;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & (table.length - 1);
    }

    private boolean contains(long h) {
        int mask = table.length - 1;
        for (int i = slot(h); table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == h) {
                return true;
            }
        }
        return false;
    }

    private void insert(long h) {
        int mask = table.length - 1;
        int i = slot(h);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = h;
    }

    /** Removes {@code h} and shifts back the entries after it that probed past its slot (linear probing). */
    private void remove(long h) {
        int mask = table.length - 1;
        int i = slot(h);
        while (table[i] != h) {
            if (table[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = 0;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = slot(table[j]);
            boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!between) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer; never 0 (0 marks an empty slot). */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
