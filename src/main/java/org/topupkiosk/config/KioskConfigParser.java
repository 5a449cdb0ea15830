package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.topupkiosk.config.KioskConfig.Adapter;
import org.topupkiosk.config.KioskConfig.Language;
import org.topupkiosk.config.KioskConfig.Mode;
import org.topupkiosk.config.KioskConfig.Orientation;
import org.topupkiosk.config.KioskConfig.Simulator;
import org.topupkiosk.device.gpio.GpioSettings;
import org.topupkiosk.domain.Money;

/**
 * Turns the kiosk.yaml tree into a {@link KioskConfig}, recording every problem. Relative paths are resolved against
 * {@code baseDir}, the directory holding the config file.
 */
final class KioskConfigParser {

    /** Bill denominations the Bank of Russia issues and acceptors are certified for. */
    static final List<Long> BANKNOTES_RUB = List.of(10L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L);

    private final Problems problems;
    private final Path baseDir;

    KioskConfigParser(Problems problems, Path baseDir) {
        this.problems = problems;
        this.baseDir = baseDir;
    }

    /** The config, or null when problems were recorded. */
    KioskConfig parse(ObjectNode tree) {
        Section root = Section.root(problems, tree);
        KioskConfig.Kiosk kiosk = kiosk(root.section("kiosk"));
        KioskConfig.Journal journal = journal(root.section("journal"));
        KioskConfig.Carrier carrier = carrier(root.section("carrier"));
        KioskConfig.Sales sales = sales(root.section("sales"));
        KioskConfig.Timeouts timeouts = timeouts(root.section("timeouts"));
        KioskConfig.Sync sync = sync(root.section("sync"));
        KioskConfig.Devices devices = DevicesSection.parse(root.section("devices"), baseDir);
        KioskConfig.Ui ui = ui(root.section("ui"));
        GpioSettings gpio = GpioConfigParser.parse(root.section("gpio"));
        KioskConfig.Counter counter = counter(root.section("counter"), kiosk);
        KioskConfig.Health health = HealthSection.parse(root.section("health"));
        Path catalog = path(root, "catalogFile", "catalog/catalog.yaml");
        Path numbering = path(root, "numberingFile", "numbering/def-sample.csv");
        KioskConfig.ReceiptSettings receipt = receipt(root.section("receipt"));
        KioskConfig.Fiscal fiscal = FiscalSection.parse(root.section("fiscal"), baseDir);
        KioskConfig.Fleet fleet = FleetSection.parse(root.section("fleet"), baseDir, kiosk);
        root.finish();
        if (!problems.isEmpty()) {
            return null;
        }
        return new KioskConfig(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalog, numbering, gpio,
                counter, receipt, health, fiscal, fleet);
    }

    /** Longest lookup address: the id follows it, and the whole must stay a small QR code a phone reads at once. */
    static final int LOOKUP_URL_MAX = 120;

    /** {@code receipt.lookupUrl}: absent or empty, receipts carry no lookup QR code or line. */
    private KioskConfig.ReceiptSettings receipt(Section s) {
        String url = s.text("lookupUrl", null);
        Optional<String> lookup = Optional.empty();
        if (url != null && !url.isBlank()) {
            String why = urlProblem(url);
            if (why == null && url.strip().length() > LOOKUP_URL_MAX) {
                why = "is " + url.strip().length() + " characters (expected at most " + LOOKUP_URL_MAX
                        + ", so the receipt's QR code stays small)";
            }
            if (why == null && url.strip().contains("#")) {
                why = "has a #fragment, which would swallow the transaction id appended to it";
            }
            if (why != null) {
                s.problem("lookupUrl", "\"" + url + "\" " + why.replace("https://carrier.example.ru/api",
                        "https://pay.example.ru/t/"));
            } else {
                lookup = Optional.of(url.strip());
            }
        }
        s.finish();
        return new KioskConfig.ReceiptSettings(lookup);
    }

    /** Only a counter terminal has cashiers; a counter without a cashiers file could never sell, so it is an error. */
    private KioskConfig.Counter counter(Section s, KioskConfig.Kiosk kiosk) {
        boolean counterMode = kiosk != null && kiosk.mode() == Mode.COUNTER;
        Optional<Path> cashiers = s.has("cashiersFile") ? Optional.ofNullable(path(s, "cashiersFile", null))
                : Optional.empty();
        boolean drawer = s.bool("cashDrawer", counterMode);
        if (counterMode && cashiers.isEmpty()) {
            s.problem("cashiersFile", "is missing (expected the cashiers' PIN file, made with: kioskctl counter "
                    + "set-cashier --file FILE --id ID --name NAME)");
        }
        s.finish();
        return new KioskConfig.Counter(cashiers, drawer);
    }

    private KioskConfig.Kiosk kiosk(Section s) {
        if (!s.has("id")) {
            s.problem("id", "is missing (expected the terminal id, 1-16 of A-Z a-z 0-9 -, e.g. \"0042\")");
        }
        JsonNode idNode = s.raw("id");
        String id = null;
        if (idNode != null && idNode.isNumber()) {
            s.problem("id", idNode.asText() + " was read as a number; write it in quotes (id: \"0042\") so leading zeros survive");
        } else if (idNode != null) {
            id = s.text("id", null);
            if (id != null && !id.matches("[A-Za-z0-9-]{1,16}")) {
                s.problem("id", Section.describe(idNode) + " is not a terminal id (expected 1-16 of A-Z a-z 0-9 -, e.g. \"0042\")");
            }
        }
        String address = s.requiredText("address", "the street address shown on receipts");
        Optional<String> phone = Optional.ofNullable(s.text("supportPhone", null)).filter(p -> !p.isBlank());
        Mode mode = s.choice("mode", Mode.KIOSK, Mode.class);
        Language language = s.choice("defaultLanguage", Language.RU, Language.class);
        s.finish();
        return new KioskConfig.Kiosk(id, address, phone, mode, language);
    }

    private KioskConfig.Journal journal(Section s) {
        Path p = path(s, "path", "var/journal.db");
        s.finish();
        return new KioskConfig.Journal(p);
    }

    private KioskConfig.Carrier carrier(Section s) {
        Adapter adapter = s.choice("adapter", Adapter.REST, Adapter.class);
        Simulator simulator = s.choice("simulator", Simulator.EMBEDDED, Simulator.class);
        Optional<URI> url = Optional.empty();
        String urlText = s.text("url", null);
        if (urlText != null) {
            String why = urlProblem(urlText);
            if (why != null) {
                s.problem("url", "\"" + urlText + "\" " + why);
            } else {
                url = Optional.of(URI.create(urlText.strip()));
            }
        } else if (simulator == Simulator.NONE && adapter == Adapter.REST && !s.has("url")) {
            s.problem("url", "is missing (required with simulator: none; expected e.g. https://carrier.example.ru/api)");
        }
        Optional<Path> keyFile = s.has("kioskKeyFile") ? Optional.ofNullable(path(s, "kioskKeyFile", null)) : Optional.empty();
        Optional<String> keyEnv = Optional.ofNullable(s.text("kioskKeyEnv", null));
        if (keyEnv.isPresent() && !keyEnv.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            s.problem("kioskKeyEnv", "\"" + keyEnv.get() + "\" is not an environment variable name (expected e.g. TOPUP_KIOSK_KEY)");
        }
        if (keyFile.isPresent() && keyEnv.isPresent()) {
            s.problem("kioskKeyEnv", "give either kioskKeyFile or kioskKeyEnv, not both");
        }
        if (simulator == Simulator.NONE && adapter == Adapter.REST && !s.has("kioskKeyFile") && !s.has("kioskKeyEnv")) {
            s.problem("kioskKeyFile", "is missing: with simulator: none the HMAC key must come from kioskKeyFile"
                    + " (a chmod 600 file) or kioskKeyEnv (an environment variable name)");
        }
        long connect = s.integer("connectTimeoutMs", 5_000, 100, 120_000, "milliseconds");
        long request = s.integer("requestTimeoutMs", 30_000, 100, 300_000, "milliseconds");
        // The submitting screen's wait: past it the customer gets a pending receipt with a claim code. A wait longer
        // than the request timeout would only keep the customer looking at a call that has already given up.
        long submitWait = s.integer("submitWaitMs", Math.min(KioskConfig.Carrier.DEFAULT_SUBMIT_WAIT_MS, request),
                1_000, 300_000, "milliseconds");
        if (submitWait > request) {
            s.problem("submitWaitMs", submitWait + " is longer than requestTimeoutMs (" + request
                    + " milliseconds); expected at most the request timeout");
        }
        KioskConfig.Osmp osmp = OsmpSection.parse(s.section("osmp"), adapter, simulator, baseDir);
        s.finish();
        return new KioskConfig.Carrier(adapter, simulator, url, keyFile, keyEnv, connect, request, submitWait, osmp);
    }

    /** Why a carrier URL is refused, or null. Plain http only to this machine: the key signs, TLS hides. */
    static String urlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return "is not a URL (expected e.g. https://carrier.example.ru/api)";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http") || host == null || host.isEmpty()) {
            return "is not an http(s) URL with a host (expected e.g. https://carrier.example.ru/api)";
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            return "uses plain http to " + host + " (expected https; http is allowed only to localhost/127.0.0.1/[::1])";
        }
        return null;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private KioskConfig.Sales sales(Section s) {
        boolean offline = s.bool("offlineSalesAllowed", false);
        Money offlineLimit = s.rub("offlineLimitRub", Money.ZERO_RUB);
        if (offline && offlineLimit != null && offlineLimit.isZero() ) {
            s.problem("offlineLimitRub", "must be above 0 when offlineSalesAllowed is true (expected roubles, e.g. 3000)");
        }
        Money orderLimit = s.rub("orderCashLimitRub", Money.rub(15_000));
        if (orderLimit != null && orderLimit.isZero()) {
            s.problem("orderCashLimitRub", "must be above 0 (expected roubles, e.g. 15000)");
        }
        List<Money> notes = new ArrayList<>();
        if (!s.has("acceptedNotesRub")) {
            BANKNOTES_RUB.forEach(n -> notes.add(Money.rub(n)));
        } else {
            Set<Long> seen = new TreeSet<>();
            List<JsonNode> items = s.list("acceptedNotesRub");
            for (int i = 0; i < items.size(); i++) {
                JsonNode n = items.get(i);
                if (!n.canConvertToExactIntegral() || !BANKNOTES_RUB.contains(n.asLong())) {
                    s.problem("acceptedNotesRub[" + i + "]", Section.describe(n) + " is not a rouble banknote (expected one of "
                            + BANKNOTES_RUB + ")");
                } else if (!seen.add(n.asLong())) {
                    s.problem("acceptedNotesRub[" + i + "]", n.asLong() + " is listed twice");
                }
            }
            if (items.isEmpty() && s.raw("acceptedNotesRub") != null && s.raw("acceptedNotesRub").isArray()) {
                s.problem("acceptedNotesRub", "is empty (expected at least one of " + BANKNOTES_RUB + ")");
            }
            seen.forEach(n -> notes.add(Money.rub(n)));
        }
        s.finish();
        return new KioskConfig.Sales(offline, offlineLimit, orderLimit, List.copyOf(notes));
    }

    private KioskConfig.Timeouts timeouts(Section s) {
        long warning = s.integer("inactivityWarningSeconds", 60, 5, 3600, "seconds");
        long countdown = s.integer("inactivityCountdownSeconds", 15, 3, 300, "seconds");
        long check = s.integer("carrierCheckSeconds", 15, 1, 300, "seconds");
        s.finish();
        return new KioskConfig.Timeouts(warning, countdown, check);
    }

    private KioskConfig.Sync sync(Section s) {
        long initial = s.integer("initialBackoffMs", 500, 10, 600_000, "milliseconds");
        long max = s.integer("maxBackoffMs", 60_000, 10, 3_600_000, "milliseconds");
        if (max < initial) {
            s.problem("maxBackoffMs", max + " is below initialBackoffMs " + initial + " (expected at least " + initial + ")");
        }
        int batch = (int) s.integer("batchSize", 50, 1, 1000, "orders");
        s.finish();
        return new KioskConfig.Sync(initial, max, batch);
    }

    private KioskConfig.Ui ui(Section s) {
        Orientation orientation = s.choice("orientation", Orientation.PORTRAIT, Orientation.class);
        boolean fullScreen = s.bool("fullScreen", true);
        Optional<Path> pin = s.has("servicePinHashFile") ? Optional.ofNullable(path(s, "servicePinHashFile", null))
                : Optional.empty();
        s.finish();
        return new KioskConfig.Ui(orientation, fullScreen, pin);
    }

    /** A path resolved against the config file's directory; null {@code def} with the key absent gives null. */
    private Path path(Section s, String key, String def) {
        String text = s.text(key, def);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            s.problem(key, "is empty (expected a file path)");
            return null;
        }
        try {
            return baseDir.resolve(text.strip()).normalize();
        } catch (InvalidPathException e) {
            s.problem(key, "\"" + text + "\" is not a valid path: " + e.getReason());
            return null;
        }
    }
}
