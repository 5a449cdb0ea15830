package org.topupkiosk.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    private static final Charset CP1251 = Charset.forName("windows-1251");
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
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            charset = CP1251;
            text = new String(bytes, CP1251);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }

        Parse p = new Parse(file);
        int lineNo = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lineNo++;
            String line = text.substring(pos, stop);
            if (!line.isBlank()) {
                p.line(line, lineNo);
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
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
                file, charset.name(), plan.size(), p.rows, p.skipped, ms);
        return new Result(plan, charset, p.rows, p.skipped, List.copyOf(p.skips));
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
            String error = split(line, fields);
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
            if (def < 0) {
                skip(lineNo, "DEF code \"" + clip(defText) + "\" is not three digits");
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

    /**
     * Splits one line on ';'. A field starting with '"' is quoted: '""' inside is one quote, and the closing quote must
     * end the field. Returns null or why the line cannot be split.
     */
    static String split(String line, List<String> out) {
        out.clear();
        int i = 0;
        int n = line.length();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    return "quoted field " + (out.size() + 1) + " is not closed";
                }
                if (i < n && line.charAt(i) != ';') {
                    return "text after the closing quote of field " + (out.size() + 1);
                }
            } else {
                int semi = line.indexOf(';', i);
                int end = semi < 0 ? n : semi;
                field.append(line, i, end);
                i = end;
            }
            out.add(field.toString());
            if (i >= n) {
                return null;
            }
            i++; // the ';'
            if (i == n) {
                out.add("");
                return null;
            }
        }
    }

    /** The value of a string of ASCII digits with a length in [min, max], or -1. */
    private static int digits(String s, int min, int max) {
        int len = s.length();
        if (len < min || len > max) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
