package org.topupkiosk.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.topupkiosk.config.KioskConfig.Fleet;

/**
 * Reads the {@code fleet} section (docs/operations.md, "Fleet"): the broker the kiosk's agent talks MQTT to, the
 * kiosk's topic level and the prefix, the owner-only secrets file, the office's public key, and how often the state is
 * published. Checked only as far as the file itself goes here; the secrets file and the key are read by the agent
 * ({@code fleet.kiosk.FleetSettings}) and by {@code kioskctl config check}.
 */
final class FleetSection {

    /** A topic level a broker ACL can name (the same rule as the fleet's wire, FleetTopics). */
    static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}(/[A-Za-z0-9._-]{1,64}){0,3}");
    static final String BROKER_EXPECTED = "tcp://host:port or ssl://host:port, e.g. ssl://fleet.example.net:8883";

    private FleetSection() {}

    static Fleet parse(Section s, Path baseDir, KioskConfig.Kiosk kiosk) {
        boolean enabled = s.bool("enabled", false);
        boolean allowPlain = s.bool("allowPlain", false);
        Optional<URI> broker = broker(s, allowPlain);
        Optional<String> kioskId = kioskId(s, kiosk);
        String prefix = s.text("topicPrefix", Fleet.DEFAULT_PREFIX).strip();
        if (!PREFIX.matcher(prefix).matches()) {
            s.problem("topicPrefix", "\"" + prefix + "\" is not a topic prefix (expected one to four levels of letters,"
                    + " digits, '.', '_' or '-' separated by '/', no wildcards, e.g. topup)");
            prefix = Fleet.DEFAULT_PREFIX;
        }
        Optional<Path> secrets = path(s, "secretsFile", baseDir);
        Optional<Path> officeKey = path(s, "officeKeyFile", baseDir);
        int every = (int) s.integer("stateEverySeconds", Fleet.DEFAULT_STATE_EVERY, 5, 600, "seconds");
        int cashBoxNotes = (int) s.integer("cashBoxNotes", Fleet.DEFAULT_CASH_BOX_NOTES, 50, 5000, "notes");
        s.finish();
        if (enabled && broker.isEmpty() && !s.has("broker")) {
            s.problem("broker", "is missing (expected " + BROKER_EXPECTED + ")");
        }
        if (enabled && officeKey.isEmpty()) {
            s.problem("officeKeyFile", "is missing (expected the office's Ed25519 public key in PEM: the kiosk obeys"
                    + " only commands signed by it)");
        }
        if (enabled && kioskId.isEmpty() && !s.has("kioskId")) {
            s.problem("kioskId", "is missing and kiosk.id cannot stand for it (expected 1-64 of A-Z a-z 0-9 . _ -)");
        }
        return new Fleet(enabled, broker, allowPlain, kioskId, prefix, secrets, officeKey, every, cashBoxNotes);
    }

    private static Optional<URI> broker(Section s, boolean allowPlain) {
        String text = s.text("broker", null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            s.problem("broker", "\"" + text + "\" is not an address (expected " + BROKER_EXPECTED + ")");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl") || uri.getHost() == null || uri.getPort() < 1
                || uri.getPort() > 65_535 || (uri.getPath() != null && !uri.getPath().isEmpty())
                || uri.getUserInfo() != null || uri.getQuery() != null) {
            s.problem("broker", "\"" + text + "\" is not a broker address (expected " + BROKER_EXPECTED
                    + "; credentials go in fleet.secretsFile)");
            return Optional.empty();
        }
        if (scheme.equals("tcp") && !allowPlain && !loopback(uri.getHost())) {
            s.problem("broker", "\"" + text + "\" is plain tcp to another machine: payments and commands would cross"
                    + " the network unencrypted (expected ssl://" + uri.getHost() + ":8883, or tcp://127.0.0.1:" + "port"
                    + " to a local broker; to allow it anyway behind a VPN, set fleet.allowPlain: true)");
        }
        return Optional.of(uri);
    }

    /** Loopback by its literal (127.0.0.0/8, ::1) or the name localhost; never looked up in DNS. */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<String> kioskId(Section s, KioskConfig.Kiosk kiosk) {
        String id = s.text("kioskId", null);
        if (id != null) {
            id = id.strip();
            if (!KIOSK_ID.matcher(id).matches()) {
                s.problem("kioskId", "\"" + id + "\" cannot stand as a topic level (expected 1-64 of A-Z a-z 0-9 . _ -;"
                        + " no '/', '+' or '#')");
                return Optional.empty();
            }
            return Optional.of(id);
        }
        return Optional.ofNullable(kiosk.id()).filter(k -> KIOSK_ID.matcher(k).matches());
    }

    private static Optional<Path> path(Section s, String key, Path baseDir) {
        String t = s.text(key, null);
        if (t == null || t.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(baseDir.resolve(t.strip()).normalize());
        } catch (InvalidPathException e) {
            s.problem(key, "\"" + t + "\" is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }
}
