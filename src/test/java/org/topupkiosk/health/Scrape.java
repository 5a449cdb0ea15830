package org.topupkiosk.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A test's client of the health endpoint over loopback: GET, any method, and the text format read into a map. */
public final class Scrape {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    public Scrape(InetSocketAddress address) {
        this.base = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    /** Every sample of a /metrics answer: {@code name{labels}} to its value; comments left out. */
    public Map<String, Double> metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/metrics");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    /** Asks /health until {@code until} holds for its answer, or fails after {@code timeout} with the last one. */
    public HttpResponse<String> awaitHealth(Predicate<HttpResponse<String>> until, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last;
        do {
            last = get("/health");
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("/health did not change in " + timeout + "; last answer " + last.statusCode() + " "
                + last.body());
    }

    /** Scrapes until {@code until} holds for the metrics, or fails after {@code timeout} with the last scrape. */
    public Map<String, Double> awaitMetrics(Predicate<Map<String, Double>> until, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Double> last;
        do {
            last = metrics();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("metrics did not change in " + timeout + "; last scrape " + last);
    }
}
