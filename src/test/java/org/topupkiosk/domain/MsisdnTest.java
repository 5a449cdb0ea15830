package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.topupkiosk.testing.Property.forAll;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topupkiosk.domain.Msisdn.Invalid;
import org.topupkiosk.domain.Msisdn.Rejection;
import org.topupkiosk.domain.Msisdn.Valid;
import org.topupkiosk.testing.Property;

class MsisdnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+7 916 123-45-67|+79161234567",
            "8 (916) 123-45-67|+79161234567",
            "89161234567|+79161234567",
            "79161234567|+79161234567",
            "9161234567|+79161234567",
            "+7(916)1234567|+79161234567",
            "  916.123.45.67 |+79161234567",
            "+7 999 000 00 00|+79990000000",
    })
    void acceptsTheWaysPeopleTypeNumbers(String typed, String e164) {
        assertThat(Msisdn.parse(typed)).isEqualTo(new Valid(new Msisdn(e164)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|EMPTY",
            "'   '|EMPTY",
            "+7 916 123-45-6x|ILLEGAL_CHARACTER",
            "916+1234567|ILLEGAL_CHARACTER",
            "+7 (916 1234567|UNBALANCED_BRACKETS",
            "+7 916) 1234567|UNBALANCED_BRACKETS",
            "+7 (916) (123) 4567|UNBALANCED_BRACKETS",
            "916 123 45|TOO_SHORT",
            "+7 916 123 45 678|TOO_LONG",
            "8 916 123 45 67 89 01|TOO_LONG",
            "+1 212 555 0100|NOT_RUSSIAN",
            "+380 44 123 4567|NOT_RUSSIAN",
            "19161234567|NOT_RUSSIAN",
            "8 495 123-45-67|NOT_MOBILE",
            "+7 812 123 45 67|NOT_MOBILE",
    })
    void rejectsJunkWithAReason(String typed, Rejection reason) {
        Msisdn.Parsed parsed = Msisdn.parse(typed);
        assertThat(parsed).isInstanceOf(Invalid.class);
        assertThat(((Invalid) parsed).reason()).isEqualTo(reason);
        assertThat(reason.messageKey()).startsWith("msisdn.error.");
    }

    @Test
    void masksForReceiptsAndLogs() {
        Msisdn m = Msisdn.of("+79161234567");
        assertThat(m.masked()).isEqualTo("+7 916 ***-**-67");
        assertThat(m.pretty()).isEqualTo("+7 916 123-45-67");
        assertThat(m.toString()).doesNotContain("123");
    }

    /** Every spelling a person might produce of one number normalizes to the same E.164 form. */
    @Test
    void everyAcceptedSpellingNormalizesToTheSameNumber() {
        forAll(2000, r -> {
            String national = "9" + digits(r, 9);
            String typed = spell(r, national);
            Msisdn.Parsed parsed = Msisdn.parse(typed);
            assertThat(parsed).as("typed '%s'", typed).isEqualTo(new Valid(new Msisdn("+7" + national)));
        });
    }

    /** Random strings never throw: they parse to a valid number or to a reason, and valid ones round-trip. */
    @Test
    void junkNeverThrowsAndAlwaysHasAReason() {
        forAll(5000, r -> {
            String junk = Property.randomString(r, "0123456789+-() .789abc#\u00A0\t*", 20);
            Msisdn.Parsed parsed = Msisdn.parse(junk);
            if (parsed instanceof Valid v) {
                assertThat(v.msisdn().e164()).matches("\\+79\\d{9}");
                assertThat(Msisdn.parse(v.msisdn().e164())).isEqualTo(parsed);
            } else {
                Invalid inv = (Invalid) parsed;
                assertThat(inv.reason()).isNotNull();
                assertThat(inv.detail()).isNotBlank();
            }
        });
    }

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(10));
        }
        return sb.toString();
    }

    /** One random human spelling: prefix style, optional brackets around the code, random separators. */
    private static String spell(Random r, String national) {
        String[] prefixes = {"+7", "8", "7", ""};
        String prefix = prefixes[r.nextInt(prefixes.length)];
        String[] seps = {"", " ", "-", ".", "\u00A0"};
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? " " : "");
        sb.append(prefix);
        if (!prefix.isEmpty()) {
            sb.append(seps[r.nextInt(seps.length)]);
        }
        boolean brackets = r.nextBoolean();
        sb.append(brackets ? "(" : "").append(national, 0, 3).append(brackets ? ")" : "");
        int[] cuts = {3, 6, 8, 10};
        for (int i = 0; i < cuts.length - 1; i++) {
            sb.append(seps[r.nextInt(seps.length)]).append(national, cuts[i], cuts[i + 1]);
        }
        return sb.append(r.nextBoolean() ? "  " : "").toString();
    }
}
