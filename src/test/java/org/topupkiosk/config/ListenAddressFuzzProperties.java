package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.topupkiosk.testing.Fuzz;

/**
 * {@code health.listen}, fuzzed: valid addresses in every form damaged as text, strange hosts and ports, random text.
 * The parser returns an address (a literal resolved without a look-up, port 1..65535, written back the same) or
 * empty for off, or throws its own {@link ListenAddress.BadAddress}, nothing else; through kiosk.yaml a bad value is a
 * {@link ConfigException} naming {@code health.listen}.
 */
class ListenAddressFuzzProperties {

    static final String ALPHABET = "0123456789.:[]abcdefABCDEFlhostxof%- \t/@";

    @Provide
    Arbitrary<String> listens() {
        Arbitrary<String> v4 = Combinators.combine(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 300), Arbitraries.integers().between(-1, 70000))
                .as((a, b, port) -> "127." + a + ".0." + b + ":" + port);
        Arbitrary<String> fixed = Arbitraries.of("127.0.0.1:8780", "[::1]:8780", "localhost:8780", "off", "0.0.0.0:80",
                "[::]:1", "[::ffff:127.0.0.1]:8780", "[fe80::1%eth0]:8780", "[1.2.3.4]:80", "127.0.0.1:08780",
                "127.0.0.01:8780", "0127.0.0.1:8780", "[:::]:1", "[::1]8780", "::1:8780", "127.0.0.1:+80",
                "127.0.0.1: 80", " 127.0.0.1:80 ", "localhost.:80", "[" + ":1".repeat(30) + "]:80", "");
        return Fuzz.textAround(Arbitraries.oneOf(v4, fixed), ALPHABET, 60);
    }

    @Property
    void parsesOrSaysWhy(@ForAll("listens") String text) throws Exception {
        Optional<InetSocketAddress> a;
        try {
            a = ListenAddress.parse(text);
        } catch (ListenAddress.BadAddress refused) {
            assertThat(refused.getMessage()).isNotBlank().contains("expected");
            return;
        }
        if (a.isEmpty()) {
            assertThat(text.strip()).isEqualToIgnoringCase("off");
            return;
        }
        InetSocketAddress address = a.get();
        assertThat(address.isUnresolved()).isFalse();
        assertThat(address.getPort()).isBetween(1, 65535);
        assertThat(ListenAddress.parse(ListenAddress.format(address))).contains(address);
    }

    private Path dir;

    @BeforeProperty
    void makeDir() throws Exception {
        dir = Files.createTempDirectory("listen-fuzz");
    }

    @AfterProperty
    void removeDir() throws Exception {
        Files.deleteIfExists(dir.resolve("kiosk.yaml"));
        Files.deleteIfExists(dir);
    }

    @Property
    void throughKioskYamlABadValueNamesItsKey(@ForAll("listens") String text) throws Exception {
        // Characters YAML refuses anywhere in a file are its parser's to report, not the listen address's.
        Assume.that(text.chars().allMatch(ListenAddressFuzzProperties::yamlPrintable));
        String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, "kiosk:\n  id: \"0042\"\n  address: Test\nhealth:\n  listen: " + quoted + "\n",
                StandardCharsets.UTF_8);
        try {
            KioskConfig cfg = ConfigLoader.loadKioskConfig(f);
            cfg.health().listen().ifPresent(a -> assertThat(a.getAddress().isLoopbackAddress()).as(text).isTrue());
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).contains("health.listen"));
        }
    }

    private static boolean yamlPrintable(int c) {
        return c == '\t' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void everyAddressRoundTrips(@ForAll("addresses") InetSocketAddress address) throws Exception {
        assertThat(ListenAddress.parse(ListenAddress.format(address))).contains(address);
    }

    @Provide
    Arbitrary<InetSocketAddress> addresses() {
        Arbitrary<byte[]> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
        Arbitrary<byte[]> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16);
        return Combinators.combine(Arbitraries.oneOf(v4, v6), Arbitraries.integers().between(1, 65535))
                .as((bytes, port) -> {
                    try {
                        return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
                    } catch (UnknownHostException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** Fuzz find kept as an example: a host name is refused at once, never looked up. */
    @Example
    void aHostNameIsNotLookedUp() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ListenAddress.parse("nonexistent.invalid:8780"))
                .isInstanceOf(ListenAddress.BadAddress.class).hasMessageContaining("not looked up");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
    }
}
