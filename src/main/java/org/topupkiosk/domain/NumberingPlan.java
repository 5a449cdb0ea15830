package org.topupkiosk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which operator a number's DEF range was allocated to, from the official range registry. Only a hint: number
 * portability moves numbers between operators, so the carrier's account check stays the truth.
 *
 * <p>Ranges are held as sorted parallel arrays of ten-digit national numbers and found by binary search, so a lookup
 * costs a few dozen comparisons even for the full registry (about 100,000 ranges).
 */
public final class NumberingPlan {

    /** The hint's operator id when the registry names an operator the catalog does not sell. */
    public static final String OTHER = "other";

    /**
     * What the registry says about a range.
     *
     * @param operatorId       a catalog operator id, or {@link #OTHER}
     * @param registryOperator the operator's name as the registry spells it
     * @param region           the region as the registry spells it (may be empty)
     */
    public record Hint(String operatorId, String registryOperator, String region) {
        public Hint {
            Objects.requireNonNull(operatorId, "operatorId");
            Objects.requireNonNull(registryOperator, "registryOperator");
            Objects.requireNonNull(region, "region");
        }

        public boolean isCatalogOperator() {
            return !OTHER.equals(operatorId);
        }
    }

    /**
     * Where a plan came from, as {@code kioskctl numbering import} recorded it.
     *
     * @param date       the registry's date: given at import, read from the file's name, or else the import's day
     * @param importedAt when the file was imported
     * @param file       the imported file's name (no directory)
     * @param rows       its data rows
     */
    public record Source(LocalDate date, Instant importedAt, String file, int rows) {
        public Source {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(importedAt, "importedAt");
            Objects.requireNonNull(file, "file");
        }
    }

    private final long[] starts;
    private final long[] ends;
    private final int[] hintIndex;
    private final Hint[] hints;
    private final Source source;

    private NumberingPlan(long[] starts, long[] ends, int[] hintIndex, Hint[] hints, Source source) {
        this.starts = starts;
        this.ends = ends;
        this.hintIndex = hintIndex;
        this.hints = hints;
        this.source = source;
    }

    /** Where the plan came from; empty for a file put in place by hand (the shipped sample). */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /** The same ranges with their source recorded. */
    public NumberingPlan withSource(Source source) {
        return new NumberingPlan(starts, ends, hintIndex, hints, Objects.requireNonNull(source, "source"));
    }

    /** The registry's entry for the range holding this number, if any. */
    public Optional<Hint> lookup(Msisdn msisdn) {
        int i = indexOf(Long.parseLong(msisdn.national()));
        return i < 0 ? Optional.empty() : Optional.of(hints[hintIndex[i]]);
    }

    /** The catalog operator the number's range belongs to; empty if no range or an operator the kiosk does not sell. */
    public Optional<String> operatorIdFor(Msisdn msisdn) {
        return lookup(msisdn).filter(Hint::isCatalogOperator).map(Hint::operatorId);
    }

    /** The region of the number's range, as the registry spells it. */
    public Optional<String> regionFor(Msisdn msisdn) {
        return lookup(msisdn).map(Hint::region).filter(r -> !r.isEmpty());
    }

    /** Number of ranges held. */
    public int size() {
        return starts.length;
    }

    /** How many ranges carry each hint, for reports (an import's summary by operator). */
    public Map<Hint, Integer> rangesPerHint() {
        int[] counts = new int[hints.length];
        for (int h : hintIndex) {
            counts[h]++;
        }
        Map<Hint, Integer> out = new HashMap<>();
        for (int i = 0; i < hints.length; i++) {
            if (counts[i] > 0) {
                out.put(hints[i], counts[i]);
            }
        }
        return out;
    }

    private int indexOf(long national) {
        int i = Arrays.binarySearch(starts, national);
        if (i < 0) {
            i = -i - 2; // the last range starting below the number
        }
        return i >= 0 && ends[i] >= national ? i : -1;
    }

    /** Told about a range that overlaps one already kept; the first range in number order wins. */
    @FunctionalInterface
    public interface OverlapListener {
        void overlap(int line, int keptLine);
    }

    /** Collects ranges in any order; {@link #build} sorts them. Not thread-safe. */
    public static final class Builder {
        private long[] starts = new long[1024];
        private long[] ends = new long[1024];
        private int[] hintIdx = new int[1024];
        private int[] lines = new int[1024];
        private int count;
        private final Map<Hint, Integer> hintIds = new HashMap<>();
        private Hint[] hintTable = new Hint[16];

        /**
         * Adds a range.
         *
         * @param def  the three-digit DEF code (916)
         * @param from first subscriber number, seven digits
         * @param to   last subscriber number, seven digits, not below {@code from}
         * @param line where the range came from, for overlap reports
         */
        public Builder add(int def, int from, int to, Hint hint, int line) {
            if (def < 100 || def > 999 || from < 0 || to > 9_999_999 || from > to) {
                throw new IllegalArgumentException("bad range " + def + " " + from + "-" + to);
            }
            if (count == starts.length) {
                int n = count * 2;
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                hintIdx = Arrays.copyOf(hintIdx, n);
                lines = Arrays.copyOf(lines, n);
            }
            long base = def * 10_000_000L;
            starts[count] = base + from;
            ends[count] = base + to;
            hintIdx[count] = intern(Objects.requireNonNull(hint, "hint"));
            lines[count] = line;
            count++;
            return this;
        }

        public int size() {
            return count;
        }

        private int intern(Hint hint) {
            Integer id = hintIds.get(hint);
            if (id == null) {
                id = hintIds.size();
                hintIds.put(hint, id);
                if (id == hintTable.length) {
                    hintTable = Arrays.copyOf(hintTable, id * 2);
                }
                hintTable[id] = hint;
            }
            return id;
        }

        public NumberingPlan build(OverlapListener overlaps) {
            // Sort row indexes by start: start numbers stay below 10^10 (34 bits), so start and index share a long.
            long[] order = new long[count];
            for (int i = 0; i < count; i++) {
                order[i] = (starts[i] << 24) | i;
            }
            if (count >= (1 << 24)) {
                throw new IllegalStateException("too many ranges: " + count);
            }
            Arrays.sort(order);
            long[] s = new long[count];
            long[] e = new long[count];
            int[] h = new int[count];
            int[] keptLine = new int[count];
            int n = 0;
            for (long packed : order) {
                int i = (int) (packed & 0xFF_FFFF);
                if (n > 0 && starts[i] <= e[n - 1]) {
                    overlaps.overlap(lines[i], keptLine[n - 1]);
                    continue;
                }
                s[n] = starts[i];
                e[n] = ends[i];
                h[n] = hintIdx[i];
                keptLine[n] = lines[i];
                n++;
            }
            return new NumberingPlan(Arrays.copyOf(s, n), Arrays.copyOf(e, n), Arrays.copyOf(h, n),
                    Arrays.copyOf(hintTable, hintIds.size()), null);
        }
    }
}
