package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.topupkiosk.domain.Money;

/**
 * Typed, validating reads from one YAML mapping. Every read declares its key as known; {@link #finish()} then reports
 * the keys nobody asked for. A bad value is recorded in {@link Problems} with its full key path and the read returns
 * the default, so one pass finds every problem in the file.
 */
final class Section {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,2}))?");
    private static final Pattern SECRET = Pattern.compile("(?i).*(key|secret|password|passwd|token|hmac|pin).*");

    private final Problems problems;
    private final String path;
    private final JsonNode node;
    private final Set<String> known = new LinkedHashSet<>();

    Section(Problems problems, String path, JsonNode node) {
        this.problems = problems;
        this.path = path;
        if (node != null && !node.isNull() && !node.isObject()) {
            problems.add(path, describe(node) + " is not a mapping (expected keys below " + path + ")");
            node = null;
        }
        this.node = node;
    }

    static Section root(Problems problems, JsonNode root) {
        return new Section(problems, "", root);
    }

    String path() {
        return path;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String name, String message) {
        problems.add(key(name), message);
    }

    /** The value under {@code name}, or null when absent or written as an empty value. */
    JsonNode raw(String name) {
        known.add(name);
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String name) {
        return raw(name) != null;
    }

    Section section(String name) {
        return new Section(problems, key(name), raw(name));
    }

    String text(String name, String def) {
        JsonNode v = raw(name);
        if (v == null) {
            return def;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            problem(name, describe(v) + " is not text");
            return def;
        }
        return v.asText();
    }

    /** Required text; {@code expected} says what belongs there ("an address such as ..."). */
    String requiredText(String name, String expected) {
        String v = text(name, null);
        if (v == null && raw(name) == null) {
            problem(name, "is missing (expected " + expected + ")");
        }
        return v;
    }

    boolean bool(String name, boolean def) {
        JsonNode v = raw(name);
        if (v == null) {
            return def;
        }
        if (!v.isBoolean()) {
            problem(name, describe(v) + " is not true or false");
            return def;
        }
        return v.booleanValue();
    }

    /** A whole number in [min, max]; {@code unit} completes "expected 1..120000 milliseconds". */
    long integer(String name, long def, long min, long max, String unit) {
        JsonNode v = raw(name);
        if (v == null) {
            return def;
        }
        String text = v.isNumber() || v.isTextual() ? v.asText().strip() : null;
        if (v.isNumber() && !v.isIntegralNumber()) {
            text = null;
        }
        long value;
        try {
            if (text == null || !text.matches("-?\\d{1,18}")) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problem(name, describe(v) + " is not a whole number of " + unit + " (expected " + min + ".." + max + ")");
            return def;
        }
        if (value < min || value > max) {
            problem(name, value + " is out of range (expected " + min + ".." + max + " " + unit + ")");
            return def;
        }
        return value;
    }

    /** A case-insensitive choice among an enum's constants, written in lower case in YAML. */
    <E extends Enum<E>> E choice(String name, E def, Class<E> type) {
        JsonNode v = raw(name);
        if (v == null) {
            return def;
        }
        String text = v.isTextual() ? v.asText().strip() : null;
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        problem(name, describe(v) + " is not one of " + choices(type));
        return def;
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    /**
     * Roubles as a whole number (15000) or a decimal with at most two places (99.50, quoted or not), read exactly.
     * Null {@code def} makes the key required.
     */
    Money rub(String name, Money def) {
        JsonNode v = raw(name);
        if (v == null) {
            if (def == null) {
                problem(name, "is missing (expected an amount in roubles such as 15000)");
            }
            return def;
        }
        Money m = parseRub(v);
        if (m == null) {
            if (v.asText().strip().startsWith("-")) {
                problem(name, describe(v) + " must not be negative (expected roubles, e.g. 15000)");
            } else {
                problem(name, describe(v) + " is not an amount in roubles (expected a whole number such as 15000,"
                        + " or at most 2 decimals such as 99.50)");
            }
            return def;
        }
        return m;
    }

    /** Exact parse of a non-negative rouble amount, or null. */
    static Money parseRub(JsonNode v) {
        String text;
        if (v.isIntegralNumber()) {
            text = v.bigIntegerValue().toString();
        } else if (v.isNumber()) {
            text = v.decimalValue().toPlainString();
        } else if (v.isTextual()) {
            text = v.asText().strip();
        } else {
            return null;
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String frac = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
        return Money.rubMinor(Long.parseLong(m.group(1)) * 100 + Long.parseLong(frac));
    }

    /** A list; a single scalar is refused rather than guessed at. */
    List<JsonNode> list(String name) {
        JsonNode v = raw(name);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            problem(name, describe(v) + " is not a list (expected [a, b] or one \"- item\" per line)");
            return out;
        }
        v.forEach(out::add);
        return out;
    }

    /** Reports keys present in the file that no read asked for. Call after all reads of this section. */
    void finish() {
        if (node == null) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            String where = path.isEmpty() ? "at the top level" : "in " + path;
            String message = "unknown key (known keys " + where + ": " + String.join(", ", known) + ")";
            if (SECRET.matcher(name).matches()) {
                message += "; secrets never go in YAML: put the key in a chmod 600 file named by carrier.kioskKeyFile"
                        + " or in an environment variable named by carrier.kioskKeyEnv";
            }
            problems.add(key(name), message);
        }
    }

    /** How a value reads in a message: text quoted, numbers and booleans bare, structures by kind. */
    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "an empty value";
        }
        if (v.isTextual()) {
            String t = v.asText();
            return "\"" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "\"";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.asText();
    }
}
