package org.topupkiosk.config;

import static org.topupkiosk.config.RegistryCsv.clip;
import static org.topupkiosk.config.RegistryCsv.digits;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.NumberingPlan;

/**
 * Reads the official Russian number-range registry CSV ({@code АВС/ DEF;От;До;Емкость;Оператор;Регион}, newer files
 * add {@code ГАР Территория} and {@code ИНН}) into a {@link NumberingPlan}.
 *
 * <p>Tolerant by design, because the registry file is published by a third party and changes shape now and then:
 * columns are found by header name and extra columns are ignored; UTF-8 is tried strictly and windows-1251 is the
 * fallback; a BOM is dropped; fields may be quoted with {@code ""} escapes. Quoting never spans lines, so one broken
 * quote costs one row, not the rest of the file. A bad row is skipped with its line number and reason; only a file
 * with no usable row at all, or without the needed columns, is an error.
 *
 * <p>What the start tolerates but an import refuses ({@link NumberingImport}) is counted as an objection: a column
 * the registry does not have, a row with more fields than the header, a DEF code outside 900-999 (another registry
 * file), text that is neither UTF-8 nor windows-1251.
 */
public final class NumberingPlanLoader {

    private static final Logger log = LoggerFactory.getLogger(NumberingPlanLoader.class);
    private static final int LOGGED_SKIPS = 20;
    private static final int KEPT_SKIPS = 100;

    /** A row left out and why. */
    public record Skip(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /**
     * The outcome of a load.
     *
     * @param rows          data rows seen (blank lines not counted)
     * @param skipped       rows left out, including overlapping ranges
     * @param someSkips     the first skips, for reports (at most 100)
     * @param objections    lines the start takes but an import refuses (see the class comment)
     * @param someObjections the first objections, for reports (at most 100)
     */
    public record Result(NumberingPlan plan, Charset charset, int rows, int skipped, List<Skip> someSkips,
                         int objections, List<Skip> someObjections) {}

    private final RegistryOperators operators;

    /** @param registryNameToOperatorId registry operator names (any case and spacing) to catalog operator ids */
    public NumberingPlanLoader(Map<String, String> registryNameToOperatorId) {
        Map<String, String> names = new HashMap<>();
        registryNameToOperatorId.forEach((name, id) -> names.put(normalize(name), id));
        this.operators = new RegistryOperators(names, Map.of());
    }

    public NumberingPlanLoader(RegistryOperators operators) {
        this.operators = operators;
    }

    public static NumberingPlanLoader forCatalog(Catalog catalog) {
        return new NumberingPlanLoader(RegistryOperators.of(catalog));
    }

    /** The mapping this loader gives ranges by. */
    public RegistryOperators operators() {
        return operators;
    }

    public Result load(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", "numbering file not found", e);
        } catch (IOException e) {
            throw new ConfigException(file, "", "numbering file cannot be read: " + e, e);
        }
        Result r = parse(bytes, file);
        Optional<NumberingPlan.Source> source = NumberingMeta.read(file, bytes);
        return source.isEmpty() ? r : new Result(r.plan().withSource(source.get()), r.charset(), r.rows(), r.skipped(),
                r.someSkips(), r.objections(), r.someObjections());
    }

    /** Parses file contents; {@code file} only names the source in messages and logs. */
    public Result parse(byte[] bytes, Path file) throws ConfigException {
        Result r = parseAll(bytes, file);
        if (r.plan().size() == 0) {
            String first = r.someSkips().isEmpty() ? "no data rows" : "first problem " + r.someSkips().get(0);
            throw new ConfigException(file, "", "numbering file has no valid range rows (" + r.rows() + " rows, "
                    + r.skipped() + " skipped; " + first + ")");
        }
        return r;
    }

    /** As {@link #parse}, but a file without one valid range is a result with an empty plan (the import lists why). */
    Result parseAll(byte[] bytes, Path file) throws ConfigException {
        long t0 = System.nanoTime();
        RegistryCsv.Text text = RegistryCsv.decode(bytes);
        Parse p = new Parse(file);
        RegistryCsv.forEachLine(text.text(), p::line);
        if (p.columns == null) {
            throw new ConfigException(file, "", "numbering file is empty (expected the header "
                    + "АВС/ DEF;От;До;Емкость;Оператор;Регион)");
        }
        NumberingPlan plan = p.builder.build((line, keptLine) ->
                p.skip(line, "range overlaps the range on line " + keptLine));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("numbering file={} charset={} ranges={} rows={} skipped={} ms={}",
                file, text.charset().name(), plan.size(), p.rows, p.skipped, ms);
        return new Result(plan, text.charset(), p.rows, p.skipped, List.copyOf(p.skips), p.objections,
                List.copyOf(p.someObjections));
    }

    /** Case-, space- and quote-insensitive form of an operator name: {@code ПАО  «МегаФон»} matches {@code ПАО "МегаФон"}. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || "\"'«»„“”".indexOf(c) >= 0) {
                continue;
            }
            sb.append(c == 'ё' || c == 'Ё' ? 'е' : Character.toLowerCase(c));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** State of one parse. */
    private final class Parse {
        final Path file;
        final NumberingPlan.Builder builder = new NumberingPlan.Builder();
        final List<Skip> skips = new ArrayList<>();
        final List<Skip> someObjections = new ArrayList<>();
        int objections;
        final Map<String, NumberingPlan.Hint> hintCache = new HashMap<>();
        final List<String> fields = new ArrayList<>(8);
        RegistryColumns columns;
        int rows;
        int skipped;

        Parse(Path file) {
            this.file = file;
        }

        void line(String line, int lineNo) throws ConfigException {
            String error = RegistryCsv.split(line, fields);
            if (columns == null) {
                columns = RegistryColumns.of(error == null ? fields : List.of(), file, lineNo);
                if (!columns.unknown().isEmpty()) {
                    object(lineNo, "column(s) " + columns.unknown() + " are not in the registry's format ("
                            + RegistryColumns.EXPECTED + ")");
                }
                if (!columns.missingOptional().isEmpty()) {
                    object(lineNo, "header lacks column(s) " + columns.missingOptional() + " (expected "
                            + RegistryColumns.EXPECTED + ")");
                }
                return;
            }
            rows++;
            if (error != null) {
                skip(lineNo, error);
                return;
            }
            if (fields.size() < columns.width()) {
                skip(lineNo, fields.size() + " fields, expected at least " + columns.width());
                return;
            }
            if (fields.size() > columns.count()) {
                object(lineNo, fields.size() + " fields, the header has " + columns.count());
            }
            if (line.indexOf('\uFFFD') >= 0 || line.indexOf('\u0000') >= 0) {
                object(lineNo, "bytes that are neither UTF-8 nor windows-1251 text");
            }
            String defText = fields.get(columns.def()).strip();
            String fromText = fields.get(columns.from()).strip();
            String toText = fields.get(columns.to()).strip();
            int def = digits(defText, 3, 3);
            int from = digits(fromText, 1, 7);
            int to = digits(toText, 1, 7);
            if (def < 100) {
                // "012" is three digits but no DEF code: codes run 100-999, and the plan refuses anything else.
                skip(lineNo, "DEF code \"" + clip(defText) + "\" is not a three-digit code from 100 to 999");
            } else if (from < 0 || to < 0) {
                skip(lineNo, "range \"" + clip(fromText) + "\"-\"" + clip(toText) + "\" is not two numbers of up to 7 digits");
            } else if (from > to) {
                skip(lineNo, "range starts after it ends: " + from + " > " + to);
            } else if (!capacityMatches(from, to)) {
                skip(lineNo, "capacity \"" + clip(fields.get(columns.capacity()).strip()) + "\" does not match range "
                        + from + "-" + to + " (" + (to - from + 1) + " numbers)");
            } else {
                String operator = fields.get(columns.operator()).strip();
                if (operator.isEmpty()) {
                    skip(lineNo, "operator is empty");
                    return;
                }
                if (def < 900) {
                    object(lineNo, "DEF code " + def + " is not a mobile code 900-999: is this the DEF-9xx file?");
                }
                String region = columns.region() < 0 ? "" : fields.get(columns.region()).strip();
                String inn = columns.inn() < 0 ? "" : fields.get(columns.inn()).strip();
                builder.add(def, from, to, hint(operator, region, inn), lineNo);
            }
        }

        private boolean capacityMatches(int from, int to) {
            if (columns.capacity() < 0) {
                return true;
            }
            String text = fields.get(columns.capacity()).strip();
            if (text.isEmpty()) {
                return true;
            }
            int capacity = digits(text, 1, 8);
            return capacity == to - from + 1;
        }

        private NumberingPlan.Hint hint(String operator, String region, String inn) {
            String key = operator + '\u0000' + region + '\u0000' + inn;
            NumberingPlan.Hint h = hintCache.get(key);
            if (h == null) {
                String id = operators.idFor(operator, inn);
                h = new NumberingPlan.Hint(id, operator, region);
                hintCache.put(key, h);
            }
            return h;
        }

        void object(int lineNo, String reason) {
            objections++;
            if (someObjections.size() < KEPT_SKIPS) {
                someObjections.add(new Skip(lineNo, reason));
            }
        }

        void skip(int lineNo, String reason) {
            skipped++;
            Skip s = new Skip(lineNo, reason);
            if (skips.size() < KEPT_SKIPS) {
                skips.add(s);
            }
            if (skipped <= LOGGED_SKIPS) {
                log.warn("numbering file={} line={} skipped: {}", file, lineNo, reason);
            } else {
                log.debug("numbering file={} line={} skipped: {}", file, lineNo, reason);
            }
        }
    }
}
