package org.topupkiosk.fleet.office;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.fleet.FleetJson;

/**
 * Server-sent events for the page. A new page first gets {@code snapshot} (every row); then at each {@link #tick()}
 * one {@code rows} event with the rows that changed since the last tick, each kiosk once however often it changed,
 * so a thousand kiosks changing several times a second cost the browser a few events a second. A {@code meta} event
 * (kiosk count, broker connection) goes out when it changes. Only the ticking thread writes to the streams; a page that
 * went away is dropped at its first failed write.
 */
final class SseHub implements FleetBoard.Listener {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);
    private static final long KEEPALIVE_NANOS = 15_000_000_000L;

    private final FleetBoard board;
    private final Supplier<Object> meta;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private String lastMeta = "";
    private long lastWrite = System.nanoTime();

    SseHub(FleetBoard board, Supplier<Object> meta) {
        this.board = Objects.requireNonNull(board);
        this.meta = Objects.requireNonNull(meta);
    }

    @Override
    public void rowChanged(String kioskId) {
        dirty.add(kioskId);
    }

    /** Takes a page's stream; its snapshot goes out at the next tick. */
    void open(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        clients.add(new Client(ex));
    }

    int clients() {
        return clients.size();
    }

    /** Sends what changed; called every batch interval by one thread. */
    synchronized void tick() {
        List<String> ids = new ArrayList<>();
        for (Iterator<String> it = dirty.iterator(); it.hasNext(); ) {
            ids.add(it.next());
            it.remove();
        }
        String metaJson = new String(FleetJson.write(meta.get()), StandardCharsets.UTF_8);
        boolean metaChanged = !metaJson.equals(lastMeta);
        lastMeta = metaJson;
        byte[] rows = null;
        if (!ids.isEmpty()) {
            List<KioskRow> changed = new ArrayList<>(ids.size());
            for (String id : ids) {
                Optional<KioskRow> r = board.row(id);
                r.ifPresent(changed::add);
            }
            rows = frame("rows", FleetJson.write(changed));
        }
        boolean keepalive = System.nanoTime() - lastWrite > KEEPALIVE_NANOS;
        if (rows != null || metaChanged || keepalive) {
            lastWrite = System.nanoTime();
        }
        for (Client c : clients) {
            try {
                if (!c.started) {
                    c.write(frame("meta", metaJson.getBytes(StandardCharsets.UTF_8)));
                    c.write(frame("snapshot", FleetJson.write(board.rows())));
                    c.started = true;
                } else {
                    if (metaChanged) {
                        c.write(frame("meta", metaJson.getBytes(StandardCharsets.UTF_8)));
                    }
                    if (rows != null) {
                        c.write(rows);
                    }
                    if (keepalive) {
                        c.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.debug("fleet page stream closed: {}", e.toString());
                clients.remove(c);
                c.exchange.close();
            }
        }
    }

    synchronized void close() {
        for (Client c : clients) {
            c.exchange.close();
        }
        clients.clear();
    }

    private static byte[] frame(String event, byte[] json) {
        byte[] head = ("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(json, 0, out, head.length, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    private static final class Client {
        final HttpExchange exchange;
        final OutputStream out;
        boolean started;

        Client(HttpExchange exchange) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
        }

        void write(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }
    }
}
