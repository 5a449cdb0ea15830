package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.testing.Fuzz;

/**
 * The service PIN file and the cashiers file, fuzzed from a valid hash line: damaged lines and random text read as a
 * hash (or the cashier table) or an {@link IllegalArgumentException} naming what is wrong, nothing else.
 */
class PinFileFuzzProperties {

    /** One real hash line (PBKDF2 is slow on purpose, so it is made once). */
    static final String HASH = PinHash.create("24681357".toCharArray(), new SecureRandom()).format().strip();

    static final String ALPHABET = "topup-inv1pbkdf2-sha256 0123456789+/=|#\nabcAZ\t";

    @Provide
    Arbitrary<String> pinFiles() {
        return Fuzz.textAround(Arbitraries.of(HASH, HASH + "\n", " " + HASH + " \r\n"), ALPHABET, 120);
    }

    @Provide
    Arbitrary<String> cashierFiles() {
        Arbitrary<String> valid = Arbitraries.of("c1|Анна|" + HASH + "\n", "# cashiers\nc1|Anna|" + HASH
                + "\nc-2|李|" + HASH + "\n", "");
        return Fuzz.textAround(valid, ALPHABET, 200);
    }

    @Property
    void anyPinFileIsAHashOrAnIllegalArgument(@ForAll("pinFiles") String text) {
        try {
            assertThat(PinHash.parse(text).format()).startsWith("topup-pin v1 ");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property
    void anyCashiersFileIsATableOrAnIllegalArgument(@ForAll("cashierFiles") String text) {
        try {
            assertThat(CashierPins.parse(text)).allSatisfy((c, h) -> assertThat(c.id()).matches("[a-z0-9-]{1,16}"));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("line ");
        }
    }
}
