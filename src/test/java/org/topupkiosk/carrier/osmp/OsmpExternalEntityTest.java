package org.topupkiosk.carrier.osmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * A provider (or someone in its place) answers with XML that asks the parser to fetch something: a second loopback
 * server stands where the entity, DTD or include points, and counts requests. The adapter must never call it. The
 * same body handed to a default JDK parser does call it, so the trap is shown to work.
 */
class OsmpExternalEntityTest {

    private static final String TXN = "1000000000000000042";
    private HttpServer provider;
    private HttpServer trap;
    private final AtomicInteger trapHits = new AtomicInteger();
    private final AtomicReference<String> answer = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        trap.createContext("/", ex -> {
            trapHits.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            byte[] b = "<!ENTITY inner \"stolen\">0".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        trap.start();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        provider.createContext("/osmp", ex -> {
            byte[] b = answer.get().getBytes(StandardCharsets.UTF_8);
            // The content type claims plain text: the adapter reads the body as XML regardless, and no more trustingly.
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        trap.stop(0);
    }

    private String trapUrl(String path) {
        return "http://127.0.0.1:" + trap.getAddress().getPort() + path;
    }

    private String body(String variant) {
        String fields = "<osmp_txn_id>" + TXN + "</osmp_txn_id><prv_txn>P1</prv_txn><sum>100.00</sum>";
        return switch (variant) {
            case "general-entity" -> "<?xml version=\"1.0\"?><!DOCTYPE response [<!ENTITY xxe SYSTEM \""
                    + trapUrl("/entity") + "\">]><response>" + fields + "<result>0</result><comment>&xxe;</comment>"
                    + "</response>";
            case "external-dtd" -> "<?xml version=\"1.0\"?><!DOCTYPE response SYSTEM \"" + trapUrl("/dtd")
                    + "\"><response>" + fields + "<result>0</result></response>";
            case "parameter-entity" -> "<?xml version=\"1.0\"?><!DOCTYPE response [<!ENTITY % p SYSTEM \""
                    + trapUrl("/param") + "\"> %p;]><response>" + fields + "<result>0</result></response>";
            case "result-from-entity" -> "<?xml version=\"1.0\"?><!DOCTYPE response [<!ENTITY r SYSTEM \""
                    + trapUrl("/result") + "\">]><response>" + fields + "<result>&r;</result></response>";
            default -> "<response xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
                    + trapUrl("/include") + "\" parse=\"text\"/>" + fields + "<result>0</result></response>";
        };
    }

    private OsmpCarrierGateway gateway() {
        return new OsmpCarrierGateway(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/osmp"),
                OsmpAuth.NONE, Duration.ofSeconds(1), Duration.ofSeconds(2), Clock.systemUTC());
    }

    private static PaymentRequest payment() {
        return new PaymentRequest("0042-e-1", Msisdn.of("+79161234567"), "mts", Money.rub(100), null,
                Instant.parse("2026-11-21T10:15:30Z")).withNumericTxnId(TXN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"general-entity", "external-dtd", "parameter-entity", "result-from-entity"})
    void aDoctypeAnswerIsGarbledAndNothingIsFetched(String variant) throws Exception {
        answer.set(body(variant));
        assertThatThrownBy(() -> gateway().pay(payment())).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNKNOWN_OUTCOME);
            assertThat(e.code()).isEqualTo("bad-body");
        });
        Thread.sleep(200);
        assertThat(trapHits).hasValue(0);
        assertThat(fetchesWithADefaultParser(body(variant))).as("the trap works").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xinclude"})
    void anIncludeIsAnUnknownElementAndNothingIsFetched(String variant) throws Exception {
        answer.set(body(variant));
        PaymentResult r = gateway().pay(payment());
        assertThat(r.status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        Thread.sleep(200);
        assertThat(trapHits).hasValue(0);
        assertThat(fetchesWithADefaultParser(body(variant))).as("the trap works").isPositive();
    }

    /** How many requests the trap gets when the same body meets a parser configured the unsafe, common way. */
    private int fetchesWithADefaultParser(String xml) {
        int before = trapHits.get();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception | Error e) {
            // the fetched text may not parse; only the fetch matters
        }
        int hits = trapHits.get() - before;
        trapHits.set(before);
        return hits;
    }
}
