package org.topupkiosk.fleet.office;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topupkiosk.fleet.FleetTopics;

/**
 * The command line of {@code scripts/fleet-hq}, checked before anything starts: every wrong option is a
 * {@link BadArguments} naming it (the script exits 2).
 */
record OfficeOptions(String broker, InetSocketAddress listen, Path key, FleetTopics topics, String username,
                     Path passwordFile, Path ca, Path cert, Path clientKey, String clientId, Duration stateInterval) {

    static final String USAGE = """
            usage: fleet-hq --broker URL [--listen HOST:PORT] [--key FILE] [--prefix P]
                            [--username U --password-file F] [--ca FILE] [--cert FILE --client-key FILE]
                            [--client-id ID] [--state-interval SECONDS]
                   fleet-hq keygen --out DIR
              --broker          tcp://HOST:PORT or ssl://HOST:PORT (required)
              --listen          where the page is served, default 127.0.0.1:8790
              --key             the office's Ed25519 private key (PEM, owner-only); without it commands are refused
              --prefix          the fleet's topic prefix, default topup
              --username, --password-file   broker credentials (the file holds the password, owner-only)
              --ca              the CA of the broker's certificate (PEM); --cert/--client-key: a client certificate
              --client-id       the office's MQTT client id (its persistent session), default topup-office
              --state-interval  the kiosks' state interval, default 60; silent after three of them""";

    private static final Set<String> FLAGS = Set.of("--broker", "--listen", "--key", "--prefix", "--username",
            "--password-file", "--ca", "--cert", "--client-key", "--client-id", "--state-interval");

    /** A wrong command line; the message names the option. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    static OfficeOptions parse(List<String> args) throws BadArguments {
        Map<String, String> v = flags(args);
        String broker = v.get("--broker");
        if (broker == null) {
            throw new BadArguments("--broker URL is required (tcp://HOST:PORT or ssl://HOST:PORT)");
        }
        if (!broker.matches("(tcp|ssl)://[^/\\s]+:[0-9]{1,5}")) {
            throw new BadArguments("--broker '" + broker + "' is not tcp://HOST:PORT or ssl://HOST:PORT");
        }
        InetSocketAddress listen = listen(v.getOrDefault("--listen", "127.0.0.1:8790"));
        FleetTopics topics;
        try {
            topics = new FleetTopics(v.getOrDefault("--prefix", FleetTopics.DEFAULT_PREFIX));
        } catch (IllegalArgumentException e) {
            throw new BadArguments("--prefix: " + e.getMessage());
        }
        Path key = secret(v, "--key");
        String username = v.get("--username");
        Path passwordFile = secret(v, "--password-file");
        if ((username == null) != (passwordFile == null)) {
            throw new BadArguments("--username and --password-file go together");
        }
        Path ca = readable(v, "--ca");
        Path cert = readable(v, "--cert");
        Path clientKey = secret(v, "--client-key");
        if ((cert == null) != (clientKey == null)) {
            throw new BadArguments("--cert and --client-key go together");
        }
        if ((ca != null || cert != null) && !broker.startsWith("ssl://")) {
            throw new BadArguments("--ca, --cert and --client-key need an ssl:// broker, got '" + broker + "'");
        }
        String clientId = v.getOrDefault("--client-id", BrokerSettings.DEFAULT_CLIENT_ID);
        if (!clientId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new BadArguments("--client-id '" + clientId + "' is not 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String interval = v.getOrDefault("--state-interval", "60");
        if (!interval.matches("[0-9]{1,5}") || Integer.parseInt(interval) == 0) {
            throw new BadArguments("--state-interval '" + interval + "' is not a whole number of seconds from 1");
        }
        return new OfficeOptions(broker, listen, key, topics, username, passwordFile, ca, cert, clientKey, clientId,
                Duration.ofSeconds(Integer.parseInt(interval)));
    }

    /** {@code keygen --out DIR}: the directory, which must exist. */
    static Path keygenDir(List<String> args) throws BadArguments {
        if (args.size() != 2 || !args.get(0).equals("--out")) {
            throw new BadArguments("keygen takes --out DIR");
        }
        Path dir = Path.of(args.get(1));
        if (!Files.isDirectory(dir)) {
            throw new BadArguments("--out " + dir + " is not a directory");
        }
        return dir;
    }

    private static Map<String, String> flags(List<String> args) throws BadArguments {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!FLAGS.contains(a)) {
                throw new BadArguments("unknown option '" + a + "'");
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new BadArguments(a + " needs a value");
            }
            if (v.put(a, args.get(++i)) != null) {
                throw new BadArguments(a + " is given twice");
            }
        }
        return v;
    }

    private static InetSocketAddress listen(String s) throws BadArguments {
        int colon = s.lastIndexOf(':');
        String port = colon < 0 ? "" : s.substring(colon + 1);
        if (colon <= 0 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new BadArguments("--listen '" + s + "' is not HOST:PORT (port 0 to 65535)");
        }
        return new InetSocketAddress(s.substring(0, colon), Integer.parseInt(port));
    }

    private static Path readable(Map<String, String> v, String flag) throws BadArguments {
        String s = v.get(flag);
        if (s == null) {
            return null;
        }
        Path p = Path.of(s);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new BadArguments(flag + " " + p + " is not a readable file");
        }
        return p;
    }

    /** A secret file: readable, and neither group nor others may touch it. */
    private static Path secret(Map<String, String> v, String flag) throws BadArguments {
        Path p = readable(v, flag);
        if (p != null) {
            requireOwnerOnly(p, flag);
        }
        return p;
    }

    static void requireOwnerOnly(Path p, String flag) throws BadArguments {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            for (PosixFilePermission perm : perms) {
                if (perm.name().startsWith("GROUP_") || perm.name().startsWith("OTHERS_")) {
                    throw new BadArguments(flag + " " + p + " is accessible to group or others ("
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + p);
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to check
        } catch (NoSuchFileException e) {
            throw new BadArguments(flag + " " + p + " not found");
        } catch (IOException e) {
            throw new BadArguments(flag + " " + p + " cannot be read: " + e.getMessage());
        }
    }
}
