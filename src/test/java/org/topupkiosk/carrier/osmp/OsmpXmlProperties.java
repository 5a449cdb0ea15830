package org.topupkiosk.carrier.osmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.topupkiosk.testing.Fuzz;

/**
 * The OSMP parser against anything: random bytes, damaged real answers, hostile constructs spliced into them, and
 * values of the wrong type. Whatever comes in, {@link OsmpXml#parse} returns an answer or throws
 * {@link OsmpGarbledException}, nothing else; and every answer it can return is written and read back equal.
 */
class OsmpXmlProperties {

    private static final String XML_CHARS = "<>/=\"'&;!?[]-_ abcdefghijklmnopqrstuvwxyz0123456789.\n"
            + "ENTITYDOCTYPESYSTEMCDATAxmlns:";
    private static final List<String> HOSTILE = List.of(
            "<!DOCTYPE response [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>",
            "<!DOCTYPE response SYSTEM \"file:///etc/passwd\">",
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]>",
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"http://127.0.0.1:9/\"/>",
            "&x;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<?pi x?>",
            "<result>0</result>", "<osmp_txn_id>1</osmp_txn_id>", "<sum>1e9</sum>", "<sum>-1</sum>",
            "<result>1.5</result>", "<result>00000</result>", "\uFEFF", "\u0000", "<response>");

    @Provide
    Arbitrary<OsmpAnswer> answers() {
        Arbitrary<String> txn = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withCharRange('а', 'я')
                .withChars("ёЁ中文支付\t\n").ofMinLength(1).ofMaxLength(60)
                .filter(s -> s.strip().equals(s) && !s.isEmpty() && isXmlText(s));
        Arbitrary<Long> sum = Arbitraries.longs().between(0, OsmpXml.MAX_SUM_MINOR);
        Arbitrary<Integer> result = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(0, 1, 4, 5, 7, 8, 79, 90, 241, 242, 243, 300)),
                Tuple.of(1, Arbitraries.integers().between(0, OsmpXml.MAX_RESULT)));
        return Combinators.combine(txn, text.injectNull(0.3), sum.injectNull(0.3), result, text.injectNull(0.3))
                .as(OsmpAnswer::new);
    }

    /** Characters XML 1.0 can carry (the parser would refuse a document with the others, rightly). */
    private static boolean isXmlText(String s) {
        return s.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF) && !s.contains("\r");
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void everyAnswerIsWrittenAndReadBackEqual(@ForAll("answers") OsmpAnswer a) throws Exception {
        assertThat(OsmpXml.parse(OsmpXml.render(a))).isEqualTo(a);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> valid = answers().map(OsmpXml::render);
        Arbitrary<byte[]> spliced = Combinators.combine(valid, Arbitraries.of(HOSTILE), Arbitraries.randoms())
                .as((v, h, r) -> {
                    String s = new String(v, StandardCharsets.UTF_8);
                    int at = r.nextInt(s.length() + 1);
                    return (s.substring(0, at) + h + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> text = Fuzz.textAround(valid.map(b -> new String(b, StandardCharsets.UTF_8)), XML_CHARS, 200)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Fuzz.around(valid, 300)),
                Tuple.of(2, spliced),
                Tuple.of(2, text));
    }

    @Property
    void anyBodyIsAnAnswerOrGarbled(@ForAll("bodies") byte[] body) {
        try {
            OsmpAnswer a = OsmpXml.parse(body);
            assertThat(OsmpXml.isTxnId(a.osmpTxnId())).isTrue();
            assertThat(a.result()).isBetween(0, OsmpXml.MAX_RESULT);
        } catch (OsmpGarbledException garbled) {
            assertThat(garbled.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> wrongTypes() {
        Arbitrary<String> junk = Arbitraries.strings().withChars("0123456789.,-+eE xабв<>&;").ofMinLength(1)
                .ofMaxLength(25);
        return Combinators.combine(Arbitraries.of("osmp_txn_id", "sum", "result"), junk)
                .as((field, v) -> field + "=" + v);
    }

    /** A known element of the wrong type is garbled; one that happens to be well typed is read as written. */
    @Property
    void wrongTypesAreGarbledNeverGuessed(@ForAll("wrongTypes") String fieldAndValue) {
        String field = fieldAndValue.substring(0, fieldAndValue.indexOf('='));
        String value = fieldAndValue.substring(fieldAndValue.indexOf('=') + 1);
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String txn = field.equals("osmp_txn_id") ? escaped : "5";
        String sum = field.equals("sum") ? escaped : "1.00";
        String result = field.equals("result") ? escaped : "0";
        byte[] body = ("<response><osmp_txn_id>" + txn + "</osmp_txn_id><sum>" + sum + "</sum><result>" + result
                + "</result></response>").getBytes(StandardCharsets.UTF_8);
        String v = value.strip();
        boolean wellTyped = switch (field) {
            case "osmp_txn_id" -> v.matches("[0-9]{1,20}");
            case "sum" -> v.isEmpty() || v.matches("[0-9]{1,12}(\\.[0-9]{1,2})?");
            default -> v.matches("[0-9]{1,4}");
        };
        try {
            OsmpAnswer a = OsmpXml.parse(body);
            assertThat(wellTyped).as("read %s as %s", fieldAndValue, a).isTrue();
        } catch (OsmpGarbledException garbled) {
            assertThat(wellTyped).as("refused well-typed %s: %s", fieldAndValue, garbled.getMessage()).isFalse();
        }
    }
}
