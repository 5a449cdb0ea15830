package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.ListenAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl health}: asks the running kiosk's health endpoint ({@code health.listen} of its config) for
 * {@code /health} and {@code /metrics} and prints both. Exit 0 when the kiosk sells, 1 when it is out of service (the
 * reasons are printed), 2 when it does not answer or the endpoint is off.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Ask the running kiosk's health endpoint (health.listen): /health, then /metrics. "
                + "Exit 0 in service, 1 out of service, 2 no answer.")
public final class HealthCommand extends KioskctlCommand {

    static final int IN_SERVICE = 0;
    static final int OUT_OF_SERVICE = 1;
    static final int NO_ANSWER = 2;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk-config/kiosk.yaml",
            description = "The kiosk's config file, for health.listen (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--timeout-ms", defaultValue = "5000",
            description = "How long each request may take (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return ask(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int ask(PrintWriter out, PrintWriter err) {
        KioskConfig cfg;
        try {
            cfg = ConfigLoader.loadKioskConfig(config);
        } catch (ConfigException e) {
            err.println("config error: the health endpoint's address cannot be read:");
            e.problems().forEach(p -> err.println("  " + p));
            return NO_ANSWER;
        }
        Optional<InetSocketAddress> listen = cfg.health().listen();
        if (listen.isEmpty()) {
            err.println("the health endpoint is off in " + config + " (health.listen: off): nothing to ask");
            return NO_ANSWER;
        }
        String base = "http://" + ListenAddress.format(reachable(listen.get()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMs)).build();
        HttpResponse<String> health;
        try {
            health = get(client, base + "/health");
        } catch (IOException e) {
            err.println("the kiosk does not answer at " + base + "/health (" + e + "): is it running? "
                    + "(systemctl status topup-kiosk, or scripts/kiosk)");
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
        int code;
        if (health.statusCode() == 200) {
            out.println("health: " + health.body().strip());
            code = IN_SERVICE;
        } else if (health.statusCode() == 503) {
            out.println("health: OUT OF SERVICE");
            health.body().lines().forEach(line -> out.println("  " + line));
            code = OUT_OF_SERVICE;
        } else {
            err.println("unexpected answer from " + base + "/health: HTTP " + health.statusCode() + " "
                    + health.body().strip());
            return NO_ANSWER;
        }
        try {
            HttpResponse<String> metrics = get(client, base + "/metrics");
            if (metrics.statusCode() == 200) {
                out.print(metrics.body());
            } else {
                err.println("no metrics: " + base + "/metrics answered HTTP " + metrics.statusCode());
            }
        } catch (IOException e) {
            err.println("no metrics: " + base + "/metrics did not answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code;
    }

    private HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(timeoutMs)).GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Where to connect for a listen address: the wildcard (0.0.0.0, [::]) is reached on loopback. */
    static InetSocketAddress reachable(InetSocketAddress listen) {
        if (!listen.getAddress().isAnyLocalAddress()) {
            return listen;
        }
        String loopback = listen.getAddress() instanceof Inet6Address ? "::1" : "127.0.0.1";
        return new InetSocketAddress(loopback, listen.getPort());
    }
}
