package org.topupkiosk.fleet.office;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetJson.BadFleetMessage;

/**
 * The office's web server (the JDK's HTTP server): the page and its files, the board as JSON, server-sent events
 * ({@link SseHub}), commands and audit-alarm acknowledgements, and {@code /api/stats} for the bench.
 *
 * <p>The POST endpoints take only {@code application/json} (a cross-site form cannot send it without the browser's
 * preflight, which this server never grants) and refuse a request whose {@code Origin} or {@code Sec-Fetch-Site} says
 * it comes from another site. Every request's {@code Host} must be an IP address, {@code localhost} or the name the
 * server listens on, so a DNS-rebinding page cannot reach the office either.
 */
public final class OfficeWeb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfficeWeb.class);
    public static final Duration DEFAULT_BATCH = Duration.ofMillis(250);
    private static final String RES = "/org/topupkiosk/fleet/office/web/";
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/static/office.css", "office.css",
            "/static/office.js", "office.js", "/i18n/en.json", "i18n/en.json", "/i18n/ru.json", "i18n/ru.json",
            "/i18n/zh.json", "i18n/zh.json");
    private static final Pattern KIOSK = Pattern.compile("/api/kiosks/([A-Za-z0-9._-]{1,64})(/commands|/audit-alarm/ack)?");
    private static final Pattern IP = Pattern.compile("\\[[0-9a-fA-F:.]+]|[0-9.]+");

    private final FleetBoard board;
    private final CommandSender sender;
    private final BooleanSupplier brokerConnected;
    private final HttpServer server;
    private final SseHub sse;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("fleet-web"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("fleet-sse"));
    private final Map<String, byte[]> files = new HashMap<>();
    private final String listenHost;
    private long ticks;

    /** A command from the page: {@code type} and, by type, {@code reason} or {@code catalog}. */
    public record CommandRequest(String type, String reason, String catalog) {
    }

    public OfficeWeb(FleetBoard board, CommandSender sender, BooleanSupplier brokerConnected, InetSocketAddress listen,
                     Duration batch) throws IOException {
        this.board = Objects.requireNonNull(board);
        this.sender = Objects.requireNonNull(sender);
        this.brokerConnected = Objects.requireNonNull(brokerConnected);
        this.listenHost = listen.getHostString();
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            files.put(f.getKey(), resource(f.getValue()));
        }
        this.sse = new SseHub(board, this::meta);
        board.addListener(sse);
        server = HttpServer.create(listen, 64);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        ticker.scheduleWithFixedDelay(this::tick, batch.toMillis(), batch.toMillis(), TimeUnit.MILLISECONDS);
        log.info("fleet office page listening on http://{}:{}/", listenHost, port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        String host = listenHost.contains(":") ? "[" + listenHost + "]" : listenHost;
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        board.removeListener(sse);
        ticker.shutdownNow();
        sse.close();
        server.stop(0);
        workers.shutdownNow();
    }

    private void tick() {
        try {
            if (ticks++ % 8 == 0) {
                board.sweep();
            }
            sse.tick();
        } catch (RuntimeException e) {
            log.warn("fleet page tick failed: {}", e.toString());
        }
    }

    private Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kiosks", board.kioskCount());
        m.put("brokerConnected", brokerConnected.getAsBoolean());
        m.put("badMessages", board.badMessages());
        return m;
    }

    private void handle(HttpExchange ex) {
        boolean stream = false;
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, 403, error("host", "this office answers only under its own address"));
                return;
            }
            if (method.equals("POST")) {
                String refused = crossSite(ex);
                if (refused != null) {
                    send(ex, 403, error("cross_site", refused));
                    return;
                }
                post(ex, path);
                return;
            }
            if (!method.equals("GET")) {
                send(ex, 405, error("method", method + " is not served here"));
                return;
            }
            if (path.equals("/events")) {
                sse.open(ex);
                stream = true; // the stream stays open; SseHub writes and closes it
                return;
            }
            get(ex, path);
        } catch (IOException | RuntimeException e) {
            log.warn("fleet page request {} {} failed: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
        } finally {
            if (!stream) {
                ex.close();
            }
        }
    }

    private void get(HttpExchange ex, String path) throws IOException {
        byte[] file = files.get(path);
        if (file != null) {
            ex.getResponseHeaders().set("Content-Type", contentType(path));
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(200, file.length);
            ex.getResponseBody().write(file);
            return;
        }
        if (path.equals("/api/kiosks")) {
            send(ex, 200, board.rows());
        } else if (path.equals("/api/stats")) {
            send(ex, 200, board.stats());
        } else {
            Matcher m = KIOSK.matcher(path);
            if (m.matches() && m.group(2) == null) {
                Object detail = board.detail(m.group(1)).orElse(null);
                send(ex, detail == null ? 404 : 200, detail == null ? error("unknown_kiosk", m.group(1)) : detail);
            } else {
                send(ex, 404, error("not_found", path));
            }
        }
    }

    private void post(HttpExchange ex, String path) throws IOException {
        byte[] body = body(ex.getRequestBody());
        if (path.equals("/api/stats/reset")) {
            board.resetStats();
            send(ex, 200, board.stats());
            return;
        }
        Matcher m = KIOSK.matcher(path);
        if (!m.matches() || m.group(2) == null) {
            send(ex, 404, error("not_found", path));
        } else if (m.group(2).equals("/audit-alarm/ack")) {
            boolean done = board.acknowledgeAuditAlarm(m.group(1));
            send(ex, done ? 200 : 404, done ? Map.of("acknowledged", true) : error("no_alarm", m.group(1)));
        } else {
            command(ex, m.group(1), body);
        }
    }

    private void command(HttpExchange ex, String kioskId, byte[] body) throws IOException {
        CommandRequest req;
        try {
            req = FleetJson.read(body, CommandRequest.class);
        } catch (BadFleetMessage e) {
            send(ex, 400, error("bad_request", e.getMessage()));
            return;
        }
        Map<String, String> args = new HashMap<>();
        if (req.reason() != null) {
            args.put("reason", req.reason());
        }
        if (req.catalog() != null) {
            args.put("catalog", req.catalog());
        }
        try {
            String id = sender.send(kioskId, req.type(), args);
            send(ex, 202, Map.of("id", id));
        } catch (IllegalArgumentException e) {
            send(ex, 400, error("bad_command", e.getMessage()));
        } catch (IllegalStateException e) {
            send(ex, 503, error("cannot_send", e.getMessage()));
        }
    }

    /** Why a POST is refused as cross-site; null when it is the page's own. */
    static String crossSite(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return "a POST here carries Content-Type: application/json";
        }
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "Sec-Fetch-Site: " + site + " is not this page";
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            return "Origin " + origin + " is not this page";
        }
        return null;
    }

    private boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        String name = host.replaceFirst(":[0-9]+$", "");
        return IP.matcher(name).matches() || name.equalsIgnoreCase("localhost") || name.equalsIgnoreCase(listenHost);
    }

    private static Map<String, String> error(String code, String message) {
        return Map.of("error", code, "message", message);
    }

    private static void send(HttpExchange ex, int status, Object json) throws IOException {
        byte[] b = FleetJson.write(json);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static byte[] body(InputStream in) throws IOException {
        byte[] b = in.readNBytes(FleetJson.MAX_BYTES + 1);
        return b.length > FleetJson.MAX_BYTES ? new byte[FleetJson.MAX_BYTES + 1] : b;
    }

    private static String contentType(String path) {
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return path.endsWith(".json") ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static byte[] resource(String name) {
        try (InputStream in = OfficeWeb.class.getResourceAsStream(RES + name)) {
            if (in == null) {
                throw new IllegalStateException("the office page's file " + RES + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
