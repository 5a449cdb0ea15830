package org.topupkiosk.carrier.osmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Fixtures for the OSMP answer parser: real answers, what is ignored, what is garbled, and hostile bodies. */
class OsmpXmlTest {

    private static OsmpAnswer parse(String xml) throws OsmpGarbledException {
        return OsmpXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void garbled(String xml, String why) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(OsmpGarbledException.class).hasMessageContaining(why);
    }

    @Test
    void aProviderPayAnswerIsRead() throws Exception {
        OsmpAnswer a = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <response>
                  <osmp_txn_id>1234567890123456789</osmp_txn_id>
                  <prv_txn>2016</prv_txn>
                  <sum>150.00</sum>
                  <result>0</result>
                  <comment>OK</comment>
                </response>
                """);
        assertThat(a).isEqualTo(new OsmpAnswer("1234567890123456789", "2016", 15_000L, 0, "OK"));
    }

    @Test
    void checkAnswerWithoutPrvTxnOrSumAndSumsWithFewerDecimals() throws Exception {
        assertThat(parse("<response><osmp_txn_id>7</osmp_txn_id><result>5</result></response>"))
                .isEqualTo(new OsmpAnswer("7", null, null, 5, null));
        assertThat(parse("<response><osmp_txn_id>7</osmp_txn_id><sum>10</sum><result>0</result></response>").sumMinor())
                .isEqualTo(1_000L);
        assertThat(parse("<response><osmp_txn_id>7</osmp_txn_id><sum>10.5</sum><result>0</result></response>").sumMinor())
                .isEqualTo(1_050L);
        assertThat(parse("<response><osmp_txn_id>7</osmp_txn_id><sum>\n 10.05 \n</sum><result> 0 </result></response>")
                .sumMinor()).isEqualTo(1_005L);
    }

    @Test
    void unknownElementsAttributesCommentsAndCdataAreTolerated() throws Exception {
        OsmpAnswer a = parse("<response version='2'><!-- provider build 7 --><extra><deep>x</deep></extra>"
                + "<osmp_txn_id kind='num'>42</osmp_txn_id><fields><field1>a</field1></fields>"
                + "<prv_txn><![CDATA[P-1]]></prv_txn><sum>1.00</sum><result>0</result><comment>a &amp; b</comment>"
                + "</response>");
        assertThat(a).isEqualTo(new OsmpAnswer("42", "P-1", 100L, 0, "a & b"));
    }

    @Test
    void theEncodingComesFromTheDocumentNotTheContentType() throws Exception {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] body = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><response><osmp_txn_id>1</osmp_txn_id>"
                + "<result>0</result><comment>Платёж проведён</comment></response>").getBytes(cp1251);
        assertThat(OsmpXml.parse(body).comment()).isEqualTo("Платёж проведён");
        byte[] bom = ("\uFEFF<response><osmp_txn_id>1</osmp_txn_id><result>0</result></response>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(OsmpXml.parse(bom).result()).isZero();
    }

    @Test
    void missingOrWrongRequiredElementsAreGarbled() {
        garbled("<response><result>0</result></response>", "<osmp_txn_id> is missing");
        garbled("<response><osmp_txn_id>1</osmp_txn_id></response>", "<result> is missing");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result></result></response>", "<result> is missing");
        garbled("<response><osmp_txn_id>abc</osmp_txn_id><result>0</result></response>", "not 1-20 digits");
        garbled("<response><osmp_txn_id>123456789012345678901</osmp_txn_id><result>0</result></response>",
                "not 1-20 digits");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>zero</result></response>", "not a result code");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>-1</result></response>", "not a result code");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>99999</result></response>", "not a result code");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>0</result><sum>1,50</sum></response>", "<sum>");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>0</result><sum>1.505</sum></response>", "<sum>");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>0</result><sum>1e3</sum></response>", "<sum>");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result><b>0</b></result></response>", "holds markup");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>0</result><result>1</result></response>",
                "appears twice");
        garbled("<answer><osmp_txn_id>1</osmp_txn_id><result>0</result></answer>", "expected <response>");
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>0</result>", "not a well-formed");
        garbled("{\"result\":0}", "not a well-formed");
        garbled("", "empty body");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverDeclared() {
        garbled("<?xml version=\"1.0\"?><!DOCTYPE response [<!ENTITY r \"0\">]>"
                + "<response><osmp_txn_id>1</osmp_txn_id><result>&r;</result></response>", "DOCTYPE");
        garbled("<!DOCTYPE response SYSTEM \"http://127.0.0.1:9/evil.dtd\"><response><osmp_txn_id>1</osmp_txn_id>"
                + "<result>0</result></response>", "DOCTYPE");
        garbled("<!DOCTYPE response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><response>"
                + "<osmp_txn_id>1</osmp_txn_id><result>0</result><comment>&xxe;</comment></response>", "DOCTYPE");
        garbled("<!DOCTYPE response [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><response/>", "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><response><osmp_txn_id>1</osmp_txn_id><result>0</result><comment>&lol9;</comment></response>");
        long t0 = System.nanoTime();
        garbled(dtd.toString(), "DOCTYPE");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void anUndeclaredEntityOrXIncludeFetchesNothing() {
        garbled("<response><osmp_txn_id>1</osmp_txn_id><result>0</result><comment>&xxe;</comment></response>",
                "not a well-formed");
        // XInclude is off: the include element is just an unknown element, ignored.
        assertThat(catchThrowable(() -> parse(
                "<response xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"http://127.0.0.1:9/x\"/>"
                        + "<osmp_txn_id>1</osmp_txn_id><result>0</result></response>"))).isNull();
    }

    @Test
    void tenMegabytesAreRefusedUnread() {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] head = "<response><osmp_txn_id>1</osmp_txn_id><result>0</result>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> OsmpXml.parse(big)).isInstanceOf(OsmpGarbledException.class)
                .hasMessageContaining("over the 65536 byte cap");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
    }

    @Test
    void deepNestingInsideAnUnknownElementIsHarmless() throws Exception {
        int depth = 15_000;
        String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        String xml = "<response>" + deep + "<osmp_txn_id>1</osmp_txn_id><result>0</result></response>";
        // Either read (the unknown element ignored) or garbled (a parser limit): never another throwable.
        try {
            assertThat(parse(xml).result()).isZero();
        } catch (OsmpGarbledException expected) {
            assertThat(expected).hasMessageNotContaining("StackOverflow");
        }
    }

    @Test
    void renderedAnswersEscapeAndReadBack() throws Exception {
        OsmpAnswer a = new OsmpAnswer("99", "<prv&\"1\">", 123_456L, 300, "ошибка <&> \"x\"");
        assertThat(OsmpXml.parse(OsmpXml.render(a))).isEqualTo(a);
        assertThat(OsmpXml.roubles(5)).isEqualTo("0.05");
        assertThat(OsmpXml.roubles(123_456)).isEqualTo("1234.56");
    }
}
