package org.topupkiosk.config;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.NumberingPlan;

/**
 * {@code kioskctl numbering import}: checks an official DEF registry export strictly and, only when every line is
 * right, puts it in place of the configured numbering file with its metadata ({@link NumberingMeta}, through
 * {@link PlanFiles}). The file is kept byte for byte as published, so it can be compared with the registry's; the
 * kiosk reads it at its next start.
 *
 * <p>Strict means: every row the start would skip (a range outside its DEF code or backwards, a capacity that is not
 * До - От + 1, an overlap, a broken quote) and every objection (unknown columns, extra fields, codes outside 900-999,
 * bytes that are no text) is an error naming its line, and a file with any error changes nothing.
 */
public final class NumberingImport {

    private static final Logger log = LoggerFactory.getLogger(NumberingImport.class);
    /** The full DEF file is about 10 MB; anything far larger is not it. */
    static final long MAX_BYTES = 64L << 20;
    /** Errors listed one per line; the rest are counted. */
    static final int LISTED = 50;
    private static final Pattern NAME_DATE = Pattern.compile("(?<!\\d)(20\\d\\d)[-_.]?(\\d\\d)[-_.]?(\\d\\d)(?!\\d)");

    /**
     * What an import put in place.
     *
     * @param rangesByOperator ranges per catalog operator id (and {@code other}), sorted by id
     * @param unlisted         registry operators in none of the mapping's lists, with their ranges, most ranges first
     */
    public record Report(Path target, NumberingPlan plan, NumberingPlan.Source source, Charset charset,
                         Map<String, Integer> rangesByOperator, List<Map.Entry<String, Integer>> unlisted) {}

    private final NumberingPlanLoader loader;
    private final Clock clock;
    private final PlanFiles.Mover mover;

    public NumberingImport(NumberingPlanLoader loader, Clock clock) {
        this(loader, clock, PlanFiles.ATOMIC);
    }

    NumberingImport(NumberingPlanLoader loader, Clock clock, PlanFiles.Mover mover) {
        this.loader = loader;
        this.clock = clock;
        this.mover = mover;
    }

    /**
     * Checks {@code source} and replaces {@code target} with it.
     *
     * @param date the registry's date when known (the date on the registry's page); null: from the file's name, or
     *             else the day of the import
     */
    public Report run(Path source, Path target, LocalDate date) throws ConfigException {
        byte[] bytes;
        NumberingPlanLoader.Result r;
        try {
            bytes = read(source);
            r = loader.parseAll(bytes, source);
        } catch (ConfigException e) {
            List<ConfigException.Problem> problems = new ArrayList<>(e.problems());
            problems.add(unchanged(source));
            ConfigException refused = new ConfigException(problems);
            refused.initCause(e);
            throw refused;
        }
        List<NumberingPlanLoader.Skip> errors = new ArrayList<>(r.someSkips());
        errors.addAll(r.someObjections());
        int total = r.skipped() + r.objections();
        if (r.plan().size() == 0 && total == 0) {
            errors.add(new NumberingPlanLoader.Skip(1, "the file has a header and no range rows"));
            total = 1;
        }
        if (total > 0) {
            throw refused(source, errors, total);
        }
        Instant now = clock.instant();
        String name = source.getFileName().toString();
        LocalDate day = date != null ? date : dateIn(name).orElse(LocalDate.ofInstant(now, clock.getZone()));
        NumberingPlan.Source src = new NumberingPlan.Source(day, now, name, r.rows());
        byte[] meta = NumberingMeta.format(src, r.plan().size(), r.charset().name(), bytes)
                .getBytes(StandardCharsets.UTF_8);
        try {
            PlanFiles.replace(target, bytes, NumberingMeta.fileFor(target), meta, mover);
        } catch (IOException e) {
            throw new ConfigException(target, "", "numbering file cannot be replaced (" + e
                    + "); the plan in place is unchanged", e);
        }
        log.info("numbering imported source={} target={} date={} rows={} ranges={} charset={}", name, target, day,
                r.rows(), r.plan().size(), r.charset().name());
        NumberingPlan plan = r.plan().withSource(src);
        return new Report(target, plan, src, r.charset(), byOperator(plan), unlisted(plan));
    }

    private static byte[] read(Path source) throws ConfigException {
        try {
            long size = Files.size(source);
            if (size > MAX_BYTES) {
                throw new ConfigException(source, "", "is " + size + " bytes, more than " + MAX_BYTES
                        + ": not a registry CSV export");
            }
            byte[] bytes = Files.readAllBytes(source);
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                    || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
                throw new ConfigException(source, "", "is UTF-16 text; save it as UTF-8 or windows-1251 CSV");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "registry file not found", e);
        } catch (IOException e) {
            throw new ConfigException(source, "", "registry file cannot be read: " + e, e);
        }
    }

    private static ConfigException refused(Path source, List<NumberingPlanLoader.Skip> errors, int total) {
        errors.sort(Comparator.comparingInt(NumberingPlanLoader.Skip::line));
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (NumberingPlanLoader.Skip s : errors.subList(0, Math.min(LISTED, errors.size()))) {
            problems.add(new ConfigException.Problem(source, "line " + s.line(), s.reason()));
        }
        if (total > problems.size()) {
            problems.add(new ConfigException.Problem(source, "", (total - problems.size()) + " more error(s)"));
        }
        problems.add(unchanged(source));
        return new ConfigException(problems);
    }

    private static ConfigException.Problem unchanged(Path source) {
        return new ConfigException.Problem(source, "", "not imported: the numbering plan in place is unchanged");
    }

    /** A date written in the file's name, as open-data exports name their files ({@code data-20241201-...}). */
    static Optional<LocalDate> dateIn(String fileName) {
        Matcher m = NAME_DATE.matcher(fileName);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException notADate) {
                // digits that are no date: look further
            }
        }
        return Optional.empty();
    }

    private static Map<String, Integer> byOperator(NumberingPlan plan) {
        Map<String, Integer> out = new TreeMap<>();
        plan.rangesPerHint().forEach((h, n) -> out.merge(h.operatorId(), n, Integer::sum));
        return out;
    }

    private List<Map.Entry<String, Integer>> unlisted(NumberingPlan plan) {
        Map<String, Integer> names = new TreeMap<>();
        plan.rangesPerHint().forEach((h, n) -> {
            if (!h.isCatalogOperator() && !loader.operators().knows(h.registryOperator(), null)) {
                names.merge(h.registryOperator(), n, Integer::sum);
            }
        });
        List<Map.Entry<String, Integer>> out = new ArrayList<>(names.entrySet());
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return out;
    }
}
