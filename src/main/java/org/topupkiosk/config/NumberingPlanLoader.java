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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.domain.Operator;

/**
 * Reads the official Russian number-range registry CSV ({@code АВС/ DEF;От;До;Емкость;Оператор;Регион}, newer files
 * add {@code ГАР Территория} and {@code ИНН}) into a {@link NumberingPlan}.
 *
 * <p>Tolerant by design, because the registry file is published by a third party and changes shape now and then:
 * columns are found by header name and extra columns are ignored; UTF-8 is tried strictly and windows-1251 is the
 * fallback; a BOM is dropped; fields may be quoted with {@code ""} escapes. Quoting never spans lines, so one broken
 * quote costs one row, not the rest of the file. A bad row is skipped with its line number and reason; only a file
 * with no usable row at all, or without the needed columns, is an error.
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
     * @param rows      data rows seen (blank lines not counted)
     * @param skipped   rows left out, including overlapping ranges
     * @param someSkips the first skips, for reports (at most 100)
     */
    public record Result(NumberingPlan plan, Charset charset, int rows, int skipped, List<Skip> someSkips) {}

    private final Map<String, String> operatorIdByName = new HashMap<>();

    /** @param registryNameToOperatorId registry operator names (any case and spacing) to catalog operator ids */
    public NumberingPlanLoader(Map<String, String> registryNameToOperatorId) {
        registryNameToOperatorId.forEach((name, id) -> operatorIdByName.put(normalize(name), id));
    }

    public static NumberingPlanLoader forCatalog(Catalog catalog) {
        Map<String, String> names = new HashMap<>();
        for (Operator o : catalog.operators()) {
            for (String n : o.registryNames()) {
                names.put(n, o.id());
            }
        }
        return new NumberingPlanLoader(names);
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
        return parse(bytes, file);
    }

    /** Parses file contents; {@code file} only names the source in messages and logs. */
    public Result parse(byte[] bytes, Path file) throws ConfigException {
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
        if (plan.size() == 0) {
            String first = p.skips.isEmpty() ? "no data rows" : "first problem " + p.skips.get(0);
            throw new ConfigException(file, "", "numbering file has no valid range rows (" + p.rows + " rows, "
                    + p.skipped + " skipped; " + first + ")");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("numbering file={} charset={} ranges={} rows={} skipped={} ms={}",
                file, text.charset().name(), plan.size(), p.rows, p.skipped, ms);
        return new Result(plan, text.charset(), p.rows, p.skipped, List.copyOf(p.skips));
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

    /** Column positions found in the header. */
    private record Columns(int def, int from, int to, int capacity, int operator, int region, int width) {}

    /** State of one parse. */
    private final class Parse {
        final Path file;
        final NumberingPlan.Builder builder = new NumberingPlan.Builder();
        final List<Skip> skips = new ArrayList<>();
        final Map<String, NumberingPlan.Hint> hintCache = new HashMap<>();
        final List<String> fields = new ArrayList<>(8);
        Columns columns;
        int rows;
        int skipped;

        Parse(Path file) {
            this.file = file;
        }

        void line(String line, int lineNo) throws ConfigException {
            String error = RegistryCsv.split(line, fields);
            if (columns == null) {
                columns = header(error == null ? fields : List.of(), lineNo);
                return;
            }
            rows++;
            if (error != null) {
                skip(lineNo, error);
                return;
            }
            if (fields.size() < columns.width) {
                skip(lineNo, fields.size() + " fields, expected at least " + columns.width);
                return;
            }
            String defText = fields.get(columns.def).strip();
            String fromText = fields.get(columns.from).strip();
            String toText = fields.get(columns.to).strip();
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
                skip(lineNo, "capacity \"" + clip(fields.get(columns.capacity).strip()) + "\" does not match range "
                        + from + "-" + to);
            } else {
                String operator = fields.get(columns.operator).strip();
                if (operator.isEmpty()) {
                    skip(lineNo, "operator is empty");
                    return;
                }
                String region = columns.region < 0 ? "" : fields.get(columns.region).strip();
                builder.add(def, from, to, hint(operator, region), lineNo);
            }
        }

        private boolean capacityMatches(int from, int to) {
            if (columns.capacity < 0) {
                return true;
            }
            String text = fields.get(columns.capacity).strip();
            if (text.isEmpty()) {
                return true;
            }
            int capacity = digits(text, 1, 8);
            return capacity == to - from + 1;
        }

        private NumberingPlan.Hint hint(String operator, String region) {
            String key = operator + '\u0000' + region;
            NumberingPlan.Hint h = hintCache.get(key);
            if (h == null) {
                String id = operatorIdByName.getOrDefault(normalize(operator), NumberingPlan.OTHER);
                h = new NumberingPlan.Hint(id, operator, region);
                hintCache.put(key, h);
            }
            return h;
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

        private Columns header(List<String> names, int lineNo) throws ConfigException {
            int def = -1, from = -1, to = -1, capacity = -1, operator = -1, region = -1;
            for (int i = 0; i < names.size(); i++) {
                String n = normalize(names.get(i));
                switch (n) {
                    case "авс/def", "abc/def", "def" -> def = def < 0 ? i : def;
                    case "от", "from" -> from = from < 0 ? i : from;
                    case "до", "to" -> to = to < 0 ? i : to;
                    case "емкость", "capacity" -> capacity = capacity < 0 ? i : capacity;
                    case "оператор", "operator" -> operator = operator < 0 ? i : operator;
                    case "регион", "region" -> region = region < 0 ? i : region;
                    default -> { }
                }
            }
            List<String> missing = new ArrayList<>();
            if (def < 0) missing.add("АВС/ DEF");
            if (from < 0) missing.add("От");
            if (to < 0) missing.add("До");
            if (operator < 0) missing.add("Оператор");
            if (!missing.isEmpty()) {
                throw new ConfigException(file, "", "line " + lineNo + ": header lacks column(s) " + missing
                        + " (expected АВС/ DEF;От;До;Емкость;Оператор;Регион, got \"" + clip(String.join(";", names)) + "\")");
            }
            int width = Math.max(Math.max(def, from), Math.max(to, operator)) + 1;
            width = Math.max(width, Math.max(capacity, region) + 1);
            return new Columns(def, from, to, capacity, operator, region, width);
        }
    }
}
