package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.testing.Fuzz;

/**
 * The YAML configuration (kiosk.yaml and the catalog), fuzzed from the shipped files: damaged as text and bytes, a
 * value swapped for a strange scalar (huge numbers, tags, aliases, nulls, dates, flow collections), a line repeated,
 * nesting thousands deep, alias bombs, and random bytes. Loading gives a configuration or a {@link ConfigException}
 * naming the file, never a SnakeYAML or Jackson exception, a ClassCastException or a StackOverflowError.
 */
class ConfigYamlFuzzProperties {

    static final Path KIOSK = Path.of("kiosk-config/kiosk.yaml");
    static final Path CATALOG = Path.of("kiosk-config/catalog/catalog.yaml");
    static final String KIOSK_TEXT = read(KIOSK);
    static final String CATALOG_TEXT = read(CATALOG);

    static final List<String> STRANGE = List.of("~", "null", "", "''", "\"\"", "1e999", "-1", "0", "-0.0", ".nan",
            ".inf", "99999999999999999999999", "0x7FFFFFFFFFFFFFFFFF", "0o777", "1_000", "2026-01-01",
            "2026-01-01T00:00:00Z", "yes", "no", "on", "true", "!!binary AAAA", "!!str 5", "!!int x", "!!float abc",
            "!!java.io.File /", "!<tag:x> 1", "*undefined", "&a [*a]", "{a: b}", "[1, 2]", "[]", "{}", "'unclosed",
            "\"\\uD800\"", "|\n  block", ">-\n  folded", "? complex\n: key", "- item", "%YAML 1.2", "--- x", "...",
            "@reserved", "`backtick", "\t tab", "\u0000", "\uFEFF", "a: b: c", "[[[[", "{{{{", "&x 1", "*x");

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which file is loaded: the kiosk config or the catalog. */
    record Case(boolean catalog, byte[] yaml) {
        @Override
        public String toString() {
            return (catalog ? "catalog " : "kiosk ") + new String(yaml, StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.randoms(),
                Arbitraries.integers().between(0, 11), Fuzz.anyBytes(200)).as((catalog, r, how, noise) -> {
                    String valid = catalog ? CATALOG_TEXT : KIOSK_TEXT;
                    byte[] yaml = switch (how) {
                        case 0 -> noise;
                        case 1 -> valid.getBytes(StandardCharsets.UTF_8);
                        case 2 -> Fuzz.damage(valid.getBytes(StandardCharsets.UTF_8), r);
                        case 3, 4 -> Fuzz.damageText(valid, ": -[]{}#&*!|>'\"\n\t ,?%@`~\\", r)
                                .getBytes(StandardCharsets.UTF_8);
                        case 5 -> deep(r).getBytes(StandardCharsets.UTF_8);
                        case 6 -> aliasBomb(r).getBytes(StandardCharsets.UTF_8);
                        case 7 -> repeatLine(valid, r).getBytes(StandardCharsets.UTF_8);
                        default -> strangeValues(valid, r).getBytes(StandardCharsets.UTF_8);
                    };
                    return new Case(catalog, yaml);
                });
    }

    @Property
    void anyYamlIsAConfigOrAConfigException(@ForAll("cases") Case c) {
        Path file = c.catalog() ? CATALOG : KIOSK;
        try {
            Object loaded = load(c.catalog(), c.yaml(), file);
            assertThat(loaded).isNotNull();
        } catch (ConfigException refused) {
            assertThat(refused.getMessage()).contains(file.toString()).doesNotContain("Exception");
        }
    }

    static Object load(boolean catalog, byte[] yaml, Path file) throws ConfigException {
        ObjectNode tree = YamlFiles.parse(yaml, file, catalog ? "catalog file" : "config file");
        Problems problems = new Problems(file);
        Object out = catalog ? new CatalogParser(problems).parse(tree)
                : new KioskConfigParser(problems, file.getParent()).parse(tree);
        problems.throwIfAny();
        return out;
    }

    /** The shipped files load: the seeds of the fuzzing are valid. */
    @Property(tries = 1)
    void theShippedFilesLoad() throws ConfigException {
        assertThat(load(false, KIOSK_TEXT.getBytes(StandardCharsets.UTF_8), KIOSK)).isInstanceOf(KioskConfig.class);
        assertThat(load(true, CATALOG_TEXT.getBytes(StandardCharsets.UTF_8), CATALOG)).isInstanceOf(Catalog.class);
    }

    /**
     * Found by the fuzzing: a config file that is not UTF-8 was reported as "YAML syntax error at line 1, column 1:
     * java.io.CharConversionException: Invalid UTF-8 start byte 0xf9 (at char #1, byte #-1)".
     */
    @Example
    void aFileThatIsNotUtf8SaysSoInPlainWords() {
        byte[] latin1 = "kiosk:\n  id: K\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> load(false, latin1, KIOSK)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("config file is not UTF-8 text").hasMessageContaining("save it as UTF-8")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("#-1");
        byte[] garbage = {(byte) 0xF9, 'a', ':', ' ', '1'};
        assertThatThrownBy(() -> load(true, garbage, CATALOG)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("catalog file is not UTF-8 text (Invalid UTF-8 start byte 0xf9)");
    }

    static String deep(Random r) {
        int depth = r.nextBoolean() ? 20 + r.nextInt(200) : 1_000 + r.nextInt(20_000);
        return switch (r.nextInt(4)) {
            case 0 -> "kiosk: " + "[".repeat(depth) + "]".repeat(r.nextBoolean() ? depth : 0);
            case 1 -> "kiosk: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth);
            case 2 -> {
                StringBuilder sb = new StringBuilder("kiosk:\n");
                for (int i = 1; i < Math.min(depth, 400); i++) {
                    sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
                }
                yield sb.toString();
            }
            default -> "kiosk: " + "- ".repeat(Math.min(depth, 2_000)) + "x";
        };
    }

    static String aliasBomb(Random r) {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        int levels = 2 + r.nextInt(12);
        for (int i = 1; i <= levels; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    static String repeatLine(String valid, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(valid.split("\n", -1)));
        int at = r.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return String.join("\n", lines);
    }

    static String strangeValues(String valid, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(valid.split("\n", -1)));
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(": ");
            String value = STRANGE.get(r.nextInt(STRANGE.size()));
            if (colon >= 0) {
                lines.set(at, line.substring(0, colon + 2) + value);
            } else if (line.strip().startsWith("- ")) {
                lines.set(at, line.substring(0, line.indexOf("- ") + 2) + value);
            } else {
                lines.set(at, line + value);
            }
        }
        return String.join("\n", lines);
    }
}
