package org.topupkiosk.carrier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.domain.Money;

/**
 * An embedded carrier backend speaking docs/carrier-api.md over real HTTP on 127.0.0.1, with its own ledger,
 * signature checks, idempotent repeats and on-demand faults ({@link #faults()}). Simulation mode runs it in-process;
 * {@code scripts/carrier-sim} runs it alone. Closing it releases every held request at once.
 */
public final class CarrierSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CarrierSimulator.class);
    /** Bodies above this are refused; the largest real request is a payment of a few hundred bytes. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    static {
        // The JDK server writes the headers and the body separately; with Nagle on, the body waits for the client's
        // delayed ACK (~40 ms on Linux) and sequential throughput collapses to ~25 requests/s. Read once, when the
        // first HttpServer in the JVM starts, so an explicit -D setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimLedger ledger;
    private final Faults faults = new Faults();
    private final SimulatorApi api;
    private final SimOsmp osmp;
    private final SimOtp otp;
    private final CountDownLatch closing = new CountDownLatch(1);

    /** Port 0 picks a free port; any kiosk id is accepted with {@code key}; no ledger file; the system clock. */
    public CarrierSimulator(byte[] key) throws IOException {
        this(0, key, null);
    }

    /** Any kiosk id is accepted with {@code key}; {@code ledgerFile} may be null (memory only). */
    public CarrierSimulator(int port, byte[] key, Path ledgerFile) throws IOException {
        this(port, Map.of(), key, ledgerFile, Clock.systemUTC());
    }

    /**
     * @param port       0 for a free port
     * @param kioskKeys  kioskId to HMAC key
     * @param anyKiosk   if non-null, the key for kiosk ids not in {@code kioskKeys}; null refuses them (401)
     * @param ledgerFile JSON-lines ledger, replayed at start and appended before each answer; null keeps it in memory
     * @param clock      for the timestamp window and balance expiry dates
     */
    public CarrierSimulator(int port, Map<String, byte[]> kioskKeys, byte[] anyKiosk, Path ledgerFile, Clock clock)
            throws IOException {
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Map<String, byte[]> keys = new HashMap<>();
        kioskKeys.forEach((id, k) -> keys.put(id, k.clone()));
        byte[] fallback = anyKiosk == null ? null : anyKiosk.clone();
        if (keys.isEmpty() && fallback == null) {
            throw new IllegalArgumentException("at least one kiosk key is needed");
        }
        Function<String, byte[]> keyOf = id -> keys.getOrDefault(id, fallback);
        this.ledger = new SimLedger(ledgerFile, clock);
        this.otp = new SimOtp(clock);
        this.api = new SimulatorApi(keyOf, ledger, faults, clock, otp);
        this.osmp = new SimOsmp(ledger);
        AtomicInteger n = new AtomicInteger();
        // Cached: a held (timeout) request must never starve the others, and idle threads go after 60 s.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "carrier-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            executor.shutdownNow();
            ledger.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        log.info("carrier simulator listening on {} ledger={}", baseUri(), ledgerFile);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** {@code http://127.0.0.1:PORT/osmp}: the OSMP check/pay endpoint, on the same ledger and faults. */
    public URI osmpUri() {
        return URI.create(baseUri() + "/osmp");
    }

    /** One-time codes: the SMS inbox of each number, and the tokens the codes opened. */
    public SimOtp otp() {
        return otp;
    }

    /** Auto top-up rules the simulated carrier keeps, by number (docs/carrier-api.md, POST /v1/autotopup). */
    public SimAutoTopUp autoTopUps() {
        return api.autoTopUps();
    }

    public Faults faults() {
        return faults;
    }

    /** An immutable copy of the ledger: txnId to payment, in arrival order. */
    public Map<String, LedgerEntry> ledger() {
        return ledger.snapshot();
    }

    /** The promotion bonus the carrier added to a top-up (zero when no promotion applied); for tests and the demo. */
    public Money bonusOf(String txnId) {
        return ledger.bonusOf(txnId);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            ledger.close();
        } catch (IOException e) {
            log.warn("closing the simulator ledger failed: {}", e.toString());
        }
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            byte[] body = readBody(ex);
            if (body == null) {
                send(ex, SimulatorApi.Response.error(413, "body-too-large", "limit " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            SimulatorApi.Request req = new SimulatorApi.Request(ex.getRequestMethod(), path, pathWithQuery,
                    uri.getRawQuery(), ex.getRequestHeaders()::getFirst, body);
            Faults.Plan plan = path.startsWith("/sim/") ? Faults.Plan.NONE : faults.plan(req.method(), path);
            if (plan.latencyMs() > 0 && closing.await(plan.latencyMs(), TimeUnit.MILLISECONDS)) {
                return;
            }
            answer(ex, req, plan.fault());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("client went away: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("simulator failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            trySend(ex, SimulatorApi.Response.error(500, "internal", e.toString()));
        }
    }

    private void answer(HttpExchange ex, SimulatorApi.Request req, Fault fault) throws IOException, InterruptedException {
        if (fault == null) {
            send(ex, handle(req, null));
        } else if (fault instanceof Fault.Timeout t) {
            closing.await(t.holdMs(), TimeUnit.MILLISECONDS);
            log.info("fault=timeout dropped {} {}", req.method(), req.path());
            // Closing an exchange before any response header closes the connection: the client sees it drop.
        } else if (fault instanceof Fault.HttpError h) {
            send(ex, SimulatorApi.Response.error(h.status(), "injected-" + h.status(), "injected fault"));
        } else if (fault instanceof Fault.Garbled) {
            byte[] real = handle(req, null).body();
            // Half a JSON object is never valid JSON: the missing closing brace guarantees it (half an OSMP document
            // lacks its closing </response>).
            send(ex, new SimulatorApi.Response(200, Arrays.copyOf(real, real.length / 2)));
        } else if (fault instanceof Fault.Refuse r) {
            send(ex, handle(req, r.code()));
        } else if (fault instanceof Fault.WrongAnswer w) {
            send(ex, isOsmp(req) ? SimOsmp.wrongAnswer(handle(req, null), w.field())
                    : wrongAnswer(handle(req, null), w.field()));
        } else if (fault instanceof Fault.OsmpResult o) {
            send(ex, osmp.handle(req, null, o.result()));
        } else if (fault instanceof Fault.SlowBody s) {
            SimulatorApi.Response real = handle(req, null);
            log.info("fault=slow-body applied {} {}, a byte every {} ms", req.method(), req.path(), s.byteEveryMs());
            ex.getResponseHeaders().set("Content-Type", contentType(real.body()));
            ex.sendResponseHeaders(real.status(), real.body().length == 0 ? -1 : real.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                for (byte b : real.body()) {
                    if (closing.await(s.byteEveryMs(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    out.write(b);
                    out.flush();
                }
            }
        } else if (fault instanceof Fault.ApplyThenFail a) {
            handle(req, null);
            log.info("fault=apply-then-fail applied {} {} then {}", req.method(), req.path(), a.drop() ? "drop" : "503");
            if (!a.drop()) {
                send(ex, SimulatorApi.Response.error(503, "injected-503", "injected fault after applying"));
            }
        } else {
            send(ex, handle(req, null));
        }
    }

    private static boolean isOsmp(SimulatorApi.Request req) {
        return req.path().equals("/osmp");
    }

    /** The REST API or, under /osmp, the OSMP endpoint: the same ledger either way. */
    private SimulatorApi.Response handle(SimulatorApi.Request req, String refusal) {
        return isOsmp(req) ? osmp.handle(req, refusal, null) : api.handle(req, refusal);
    }

    /** OSMP answers are XML; everything else the simulator says is JSON. */
    private static String contentType(byte[] body) {
        return body.length > 0 && (body[0] == '<') ? "text/xml; charset=utf-8" : "application/json";
    }

    /** The answer with one payment field changed; an answer that is not a payment goes out as it is. */
    private static SimulatorApi.Response wrongAnswer(SimulatorApi.Response real, String field) {
        JsonNode n;
        try {
            n = CarrierJson.parse(real.body());
        } catch (RuntimeException e) {
            return real;
        }
        if (!(n instanceof ObjectNode o) || !o.has("txnId") || !o.path("amount").isObject()) {
            return real;
        }
        ObjectNode amount = (ObjectNode) o.get("amount");
        switch (field) {
            case "amount" -> amount.put("minor", amount.path("minor").asLong() + 100);
            case "currency" -> amount.put("currency", "USD");
            default -> o.put("txnId", o.path("txnId").asText() + "-X");
        }
        log.info("fault=wrong-answer field={} txn={}", field, o.path("txnId").asText());
        return new SimulatorApi.Response(real.status(), CarrierJson.bytes(o));
    }

    /** The whole body, or null when it is larger than {@link #MAX_BODY_BYTES}. Reading it all keeps keep-alive working. */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
            if (b.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return b;
        }
    }

    private static void send(HttpExchange ex, SimulatorApi.Response r) throws IOException {
        byte[] body = r.body();
        ex.getResponseHeaders().set("Content-Type", contentType(body));
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void trySend(HttpExchange ex, SimulatorApi.Response r) {
        try {
            send(ex, r);
        } catch (IOException | RuntimeException e) {
            log.debug("could not send the error answer: {}", e.toString());
        }
    }
}
