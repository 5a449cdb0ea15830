package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the kiosk proves itself to the fleet's broker, from the owner-only file {@code fleet.secretsFile} (never from
 * kiosk.yaml): {@code username} and {@code password}, and/or a TLS client certificate ({@code clientCert}, its private
 * key {@code clientKey}, both PEM) with the CA that signed the broker's certificate ({@code caFile}). Paths in the file
 * are relative to it; the key file must be owner-only too. Messages never repeat a password.
 */
public final class FleetSecrets {

    /** No file: an anonymous client (a broker on loopback in a test or the demo). */
    public static final FleetSecrets NONE = new FleetSecrets(Optional.empty(), null, Optional.empty(),
            Optional.empty(), Optional.empty());

    private static final String KEY = "fleet.secretsFile";
    private static final Set<String> KNOWN = Set.of("username", "password", "clientCert", "clientKey", "caFile");

    private final Optional<String> username;
    private final char[] password;
    private final Optional<Path> clientCert;
    private final Optional<Path> clientKey;
    private final Optional<Path> caFile;

    private FleetSecrets(Optional<String> username, char[] password, Optional<Path> clientCert,
                         Optional<Path> clientKey, Optional<Path> caFile) {
        this.username = username;
        this.password = password;
        this.clientCert = clientCert;
        this.clientKey = clientKey;
        this.caFile = caFile;
    }

    public Optional<String> username() {
        return username;
    }

    /** The password (a copy), or empty. */
    public Optional<char[]> password() {
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    public Optional<Path> clientCert() {
        return clientCert;
    }

    public Optional<Path> clientKey() {
        return clientKey;
    }

    public Optional<Path> caFile() {
        return caFile;
    }

    /** The secrets of {@code fleet}, {@link #NONE} without a file; ConfigException naming fleet.secretsFile else. */
    public static FleetSecrets load(KioskConfig.Fleet fleet, Path configFile) throws ConfigException {
        if (fleet.secretsFile().isEmpty()) {
            return NONE;
        }
        Path file = fleet.secretsFile().get();
        OwnerOnlyFile.require(file, configFile, KEY, "fleet secrets file");
        ObjectNode tree;
        try {
            tree = YamlFiles.read(file, "fleet secrets file");
        } catch (ConfigException e) {
            throw new ConfigException(configFile, KEY, "secrets file " + file + " is not YAML mappings (expected"
                    + " username: and password:, and/or clientCert:, clientKey: and caFile:)");
        }
        List<String> problems = new ArrayList<>();
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!KNOWN.contains(n)) {
                problems.add("secrets file " + file + ": unknown key " + n + " (known keys: " + String.join(", ",
                        List.of("username", "password", "clientCert", "clientKey", "caFile")) + ")");
            }
        }
        Optional<String> user = text(tree, "username", file, problems);
        Optional<String> pass = text(tree, "password", file, problems);
        if (user.isPresent() != pass.isPresent()) {
            problems.add("secrets file " + file + ": username and password go together (one of them is missing)");
        }
        Optional<Path> cert = path(tree, "clientCert", file, problems);
        Optional<Path> key = path(tree, "clientKey", file, problems);
        Optional<Path> ca = path(tree, "caFile", file, problems);
        if (cert.isPresent() != key.isPresent()) {
            problems.add("secrets file " + file + ": clientCert and clientKey go together (one of them is missing)");
        }
        boolean tls = fleet.broker().map(b -> "ssl".equalsIgnoreCase(b.getScheme())).orElse(false);
        if ((cert.isPresent() || ca.isPresent()) && !tls) {
            problems.add("secrets file " + file + ": clientCert and caFile need an ssl:// broker (fleet.broker)");
        }
        if (problems.isEmpty() && key.isPresent()) {
            OwnerOnlyFile.require(key.get(), configFile, KEY, "fleet client key file");
        }
        if (!problems.isEmpty()) {
            List<ConfigException.Problem> list = new ArrayList<>();
            problems.forEach(p -> list.add(new ConfigException.Problem(configFile, KEY, p)));
            throw new ConfigException(list);
        }
        return new FleetSecrets(user, pass.map(String::toCharArray).orElse(null), cert, key, ca);
    }

    private static Optional<String> text(ObjectNode tree, String name, Path file, List<String> problems) {
        JsonNode v = tree.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.asText().isEmpty()) {
            problems.add("secrets file " + file + ": " + name + " is not text");
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    private static Optional<Path> path(ObjectNode tree, String name, Path file, List<String> problems) {
        Optional<String> t = text(tree, name, file, problems);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path p = file.toAbsolutePath().getParent().resolve(t.get()).normalize();
            if (!Files.isReadable(p)) {
                problems.add("secrets file " + file + ": " + name + " " + p + " not found or not readable");
                return Optional.empty();
            }
            return Optional.of(p);
        } catch (InvalidPathException e) {
            problems.add("secrets file " + file + ": " + name + " is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "FleetSecrets[username=" + username.orElse("-") + ", password=***, clientCert=" + clientCert.isPresent()
                + "]";
    }
}
