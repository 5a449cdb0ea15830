package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * Issue 12 item 8: an answer that dribbles its body or is huge must neither stall the caller past the whole-call
 * deadline nor be read into memory. A raw server on 127.0.0.1 plays the bad carrier.
 */
class SlowAndHugeAnswerTest {

    static final Duration CONNECT = Duration.ofMillis(500);
    static final Duration REQUEST = Duration.ofMillis(1000);

    ServerSocket server;
    final AtomicLong written = new AtomicLong();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Serves each connection with {@code answer}, on daemon threads that die with the socket. */
    private RestCarrierGateway serve(Answer answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            readRequest(s.getInputStream());
                            answer.write(s.getOutputStream());
                        } catch (IOException | InterruptedException e) {
                            // the client gave up: that is the point
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        return new RestCarrierGateway(URI.create("http://127.0.0.1:" + server.getLocalPort()), "0042",
                new byte[] {1, 2, 3}, CONNECT, REQUEST, Clock.systemUTC());
    }

    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /** Reads the request line, headers and a Content-Length body. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    private static PaymentRequest payment() {
        return new PaymentRequest("0042-T1", Msisdn.of("+79161234567"), "mts", Money.rub(100), null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    @Timeout(30)
    void aBodyDribbledAByteASecondFailsWithinTheWholeCallDeadline() throws Exception {
        RestCarrierGateway gw = serve(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 1000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        });
        long start = System.nanoTime();
        CarrierException e = catchThrowableOfType(() -> gw.pay(payment()), CarrierException.class);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo("timeout");
        assertThat(elapsed).isLessThan(gw.callDeadline().plusSeconds(5));
    }

    @Test
    @Timeout(30)
    void aTenMegabyteBodyWithItsLengthIsRefusedBeforeItIsRead() throws Exception {
        int size = 10 * 1024 * 1024;
        RestCarrierGateway gw = serve(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            writeSpaces(out, size);
        });
        CarrierException e = catchThrowableOfType(() -> gw.pay(payment()), CarrierException.class);

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo("body-too-large");
    }

    @Test
    @Timeout(30)
    void aTenMegabyteChunkedBodyIsCutOffAtTheCap() throws Exception {
        int size = 10 * 1024 * 1024;
        RestCarrierGateway gw = serve(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent < size; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                written.addAndGet(chunk.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        CarrierException e = catchThrowableOfType(() -> gw.pay(payment()), CarrierException.class);

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNKNOWN_OUTCOME);
        assertThat(e.code()).isEqualTo("body-too-large");
    }

    private void writeSpaces(OutputStream out, int size) throws IOException {
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) ' ');
        for (int sent = 0; sent < size; sent += chunk.length) {
            out.write(chunk);
            written.addAndGet(chunk.length);
        }
        out.flush();
    }
}
