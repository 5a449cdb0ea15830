package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.testing.Property;

/** The EID and IMEI parser: total, and exactly as strict as their check digits. */
class DeviceIdProperties {

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    static String imei(Random r) {
        String body = digits(r, 14);
        return body + CheckDigits.luhnDigit(body);
    }

    static String eid(Random r) {
        String body = "89" + digits(r, 28);
        return body + DeviceId.eidCheckDigits(body);
    }

    @Test
    void knownSamples() {
        assertThat(DeviceId.parse("89049032123451234512345678901235")).isEqualTo(
                new DeviceId.Valid(new DeviceId(DeviceId.Kind.EID, "89049032123451234512345678901235")));
        assertThat(DeviceId.parse("49-015420-323751-8")).isEqualTo(
                new DeviceId.Valid(new DeviceId(DeviceId.Kind.IMEI, "490154203237518")));
        assertThat(DeviceId.parse("490154203237519")).isEqualTo(new DeviceId.Invalid(DeviceId.Problem.IMEI_CHECK_DIGIT));
        assertThat(DeviceId.parse("89049032123451234512345678901236"))
                .isEqualTo(new DeviceId.Invalid(DeviceId.Problem.EID_CHECK_DIGITS));
        assertThat(DeviceId.parse("12345")).isEqualTo(new DeviceId.Invalid(DeviceId.Problem.LENGTH));
        assertThat(DeviceId.parse("49015420323751x")).isEqualTo(new DeviceId.Invalid(DeviceId.Problem.NOT_DIGITS));
        assertThat(DeviceId.parse(null)).isEqualTo(new DeviceId.Invalid(DeviceId.Problem.LENGTH));
        assertThatThrownBy(() -> new DeviceId(DeviceId.Kind.EID, "490154203237518"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("490154203237518");
        assertThat(DeviceId.of("490154203237518").toString()).doesNotContain("4901542032").contains("7518");
    }

    @Test
    void everyProblemHasAMessageInEachLanguage() {
        Messages m = new Messages();
        for (Lang lang : Lang.values()) {
            for (DeviceId.Problem p : DeviceId.Problem.values()) {
                assertThat(m.has(lang, p.messageKey())).as(lang + " " + p).isTrue();
            }
        }
    }

    @Test
    void anyTextGivesAnIdOrAProblemAndNeverThrows() {
        String alphabet = "0123456789 -x\t";
        Property.forAll(5000, r -> {
            String text = Property.randomString(r, alphabet, 40);
            DeviceId.Parsed p = DeviceId.parse(text);
            String d = text.replaceAll("[\\s-]", "");
            if (p instanceof DeviceId.Valid v) {
                assertThat(v.id().digits()).isEqualTo(d);
                assertThat(v.id().kind() == DeviceId.Kind.IMEI ? CheckDigits.luhnValid(d)
                        : new BigInteger(d).mod(BigInteger.valueOf(97)).intValue() == 1).isTrue();
            } else {
                assertThat(((DeviceId.Invalid) p).problem()).isNotNull();
            }
        });
    }

    @Test
    void madeIdsAreValidAndAnySingleWrongDigitIsCaught() {
        Property.forAll(2000, r -> {
            String id = r.nextBoolean() ? imei(r) : eid(r);
            assertThat(DeviceId.parse(id)).isInstanceOf(DeviceId.Valid.class);
            int at = r.nextInt(id.length());
            char wrong = (char) ('0' + (id.charAt(at) - '0' + 1 + r.nextInt(9)) % 10);
            String typo = id.substring(0, at) + wrong + id.substring(at + 1);
            // Luhn and MOD 97-10 both catch every single-digit error.
            assertThat(DeviceId.parse(typo)).isInstanceOf(DeviceId.Invalid.class);
        });
    }
}
