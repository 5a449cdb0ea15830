package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/**
 * Issue 12 item 8 at the outbox: a carrier that sends headers and then a byte a second for one payment holds that
 * payment only until the call deadline; the pass ends and the other payments go through.
 */
class SlowCarrierDispatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    ServerSocket server;
    Journal journal;
    OutboxDispatcher dispatcher;
    RestCarrierGateway carrier;
    volatile String slowTxn;

    @BeforeEach
    void setUp() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "test-carrier");
        accept.setDaemon(true);
        accept.start();
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        carrier = new RestCarrierGateway(URI.create("http://127.0.0.1:" + server.getLocalPort()), "0042",
                new byte[] {1, 2, 3}, Duration.ofMillis(500), Duration.ofMillis(1000), Clock.systemUTC());
        dispatcher = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), new Random(7)), Clock.systemUTC(),
                CrashPoints.NONE, 50, 4);
    }

    @AfterEach
    void tearDown() throws IOException {
        dispatcher.close();
        journal.close();
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "test-carrier-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The slow payment dribbles; every other one is confirmed with a faithful echo of its request. */
    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                JsonNode req = readRequest(in);
                if (req == null) {
                    return;
                }
                String txn = req.path("txnId").asText();
                if (txn.equals(slowTxn)) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 1000; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(1000);
                    }
                    return;
                }
                ObjectNode answer = JSON.createObjectNode().put("txnId", txn).put("status", "CONFIRMED")
                        .put("carrierRef", "REF-" + txn);
                answer.set("amount", req.get("amount"));
                byte[] body = JSON.writeValueAsBytes(answer);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up on the slow answer: that is the point
        }
    }

    private static JsonNode readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (c == -1) {
            return null;
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return JSON.readTree(in.readNBytes(length));
    }

    private String queue(long rub, String number) {
        Msisdn msisdn = Msisdn.of(number);
        Order o = journal.openOrder("topup", msisdn, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(rub), "note-" + o.txnId());
        PaymentRequest req = new PaymentRequest(o.txnId(), msisdn, "mts", Money.rub(rub), null, o.createdAt());
        journal.submit(o.txnId(), Money.rub(rub), Money.ZERO_RUB, false, PaymentPayloads.toJson(req));
        return o.txnId();
    }

    @Test
    @Timeout(60)
    void aDribblingAnswerIsGivenUpAtTheDeadlineAndTheNextPaymentGoesThrough() throws Exception {
        slowTxn = queue(100, "+79161234567");
        String next = queue(200, "+79161234568");
        List<PaymentOutcome> outcomes = new CopyOnWriteArrayList<>();
        dispatcher.addListener(outcomes::add);

        long start = System.nanoTime();
        dispatcher.drainOnce();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(carrier.callDeadline().plusSeconds(5));
        assertThat(journal.order(next).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(journal.order(slowTxn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(outcomes).contains(new PaymentOutcome.Deferred(slowTxn, "timeout"));
    }
}
