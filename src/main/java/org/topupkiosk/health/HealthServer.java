package org.topupkiosk.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's health endpoint over HTTP, on one address only (loopback unless the configuration allows otherwise):
 * <ul>
 * <li>{@code GET /health}: 200 {@code ok}, or 503 with why the kiosk is out of service, one reason a line;</li>
 * <li>{@code GET /metrics}: the {@code kiosk_} metrics in the Prometheus text format;</li>
 * <li>any other path 404, any other method 405.</li>
 * </ul>
 * One thread of its own answers, one request at a time, so a monitor that scrapes too often queues behind itself and
 * never loads the kiosk; nothing here runs on or waits for the flow thread.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;
    private final HealthStatus status;
    private final KioskMetrics metrics;

    private HealthServer(HttpServer server, HealthStatus status, KioskMetrics metrics) {
        this.server = server;
        this.status = status;
        this.metrics = metrics;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-http");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(thread);
    }

    /**
     * Binds {@code address} and starts answering.
     *
     * @throws IOException when the address cannot be bound (in use, not this machine's)
     */
    public static HealthServer start(InetSocketAddress address, HealthStatus status, KioskMetrics metrics)
            throws IOException {
        HealthServer s = new HealthServer(HttpServer.create(address, 8), status, metrics);
        s.server.start();
        log.info("health endpoint on http://{}:{}/health and /metrics", s.address().getHostString(),
                s.address().getPort());
        return s;
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean known = "/health".equals(path) || "/metrics".equals(path);
            if (!known) {
                reply(ex, 404, TEXT, ("not found: " + path + " (try /health or /metrics)\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else if (!"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET");
                reply(ex, 405, TEXT, (ex.getRequestMethod() + " is not allowed on " + path + " (only GET)\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else if ("/health".equals(path)) {
                health(ex);
            } else {
                metrics(ex);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("health endpoint request failed: {}", e.toString());
            throw e;
        }
    }

    private void health(HttpExchange ex) throws IOException {
        List<String> why = status.outOfService();
        if (why.isEmpty()) {
            reply(ex, 200, TEXT, "ok\n".getBytes(StandardCharsets.UTF_8));
        } else {
            reply(ex, 503, TEXT, (String.join("\n", why) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void metrics(HttpExchange ex) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        try {
            metrics.writeTo(body);
        } catch (RuntimeException e) {
            log.error("metrics could not be written", e);
            reply(ex, 500, TEXT, ("metrics failed: " + e + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        reply(ex, 200, KioskMetrics.CONTENT_TYPE, body.toByteArray());
    }

    private static void reply(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(code, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
