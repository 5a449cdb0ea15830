package org.topupkiosk.fleet.office;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.fleet.office.OfficeOptions.BadArguments;

/**
 * {@code scripts/fleet-hq}: the office. {@code --broker URL [--listen HOST:PORT] [--key FILE] ...} connects to the
 * broker, keeps the board and serves the page until stopped; {@code keygen --out DIR} writes a new command key pair
 * (office.key owner-only, office.pub for the kiosks). A wrong command line prints why and exits 2.
 */
public final class FleetHqMain {

    private FleetHqMain() {
    }

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** The exit code; -1 when the office is running (the caller keeps the JVM alive). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.contains("--help") || args.contains("-h")) {
                out.println(OfficeOptions.USAGE);
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("keygen")) {
                return keygen(OfficeOptions.keygenDir(args.subList(1, args.size())), out, err);
            }
            OfficeOptions o = OfficeOptions.parse(args);
            Running r = start(o);
            out.println("fleet-hq: the office page is at " + r.web.url() + " (broker " + o.broker() + ", "
                    + (r.office.canSign() ? "commands signed with " + o.key() : "no --key: commands refused") + ")");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                r.close();
                stop.countDown();
            }, "fleet-hq-stop"));
            stop.await();
            return -1;
        } catch (BadArguments e) {
            err.println("fleet-hq: " + e.getMessage());
            err.println("try: fleet-hq --help");
            return 2;
        } catch (IOException | MqttException | IllegalArgumentException e) {
            err.println("fleet-hq: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The office, started: board, MQTT side and web page. */
    record Running(FleetBoard board, FleetOffice office, OfficeWeb web) implements AutoCloseable {
        @Override
        public void close() {
            web.close();
            office.close();
        }
    }

    static Running start(OfficeOptions o) throws IOException, MqttException, BadArguments {
        PrivateKey key = o.key() == null ? null : FleetKeys.readPrivate(o.key());
        char[] password = null;
        if (o.passwordFile() != null) {
            String text = Files.readString(o.passwordFile(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.contains("\n")) {
                throw new BadArguments("--password-file " + o.passwordFile() + " holds one line, the password");
            }
            password = text.toCharArray();
        }
        SSLSocketFactory tls = o.broker().startsWith("ssl://")
                ? OfficeTls.socketFactory(o.ca(), o.cert(), o.clientKey()) : null;
        BrokerSettings broker = new BrokerSettings(o.broker(), o.clientId(), o.username(), password, tls);
        FleetBoard board = new FleetBoard(o.topics(), Clock.systemUTC(), o.stateInterval(),
                FleetBoard.Limits.standard());
        FleetOffice office = new FleetOffice(broker, o.topics(), board, key, Clock.systemUTC(),
                FleetOffice.DEFAULT_COMMAND_TTL);
        OfficeWeb web;
        try {
            web = new OfficeWeb(board, office, office::connected, o.listen(), OfficeWeb.DEFAULT_BATCH);
        } catch (IOException e) {
            office.close();
            throw new IOException("--listen " + o.listen().getHostString() + ":" + o.listen().getPort()
                    + " cannot be served: " + e.getMessage(), e);
        }
        office.start(Duration.ofSeconds(10));
        return new Running(board, office, web);
    }

    static int keygen(Path dir, PrintStream out, PrintStream err) {
        Path priv = dir.resolve("office.key");
        Path pub = dir.resolve("office.pub");
        KeyPair pair = FleetKeys.generate();
        try {
            if (Files.exists(pub)) {
                throw new FileAlreadyExistsException(pub.toString());
            }
            Files.writeString(Files.createFile(priv, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), FleetKeys.privatePem(pair.getPrivate()),
                    StandardCharsets.US_ASCII);
            Files.writeString(pub, FleetKeys.publicPem(pair.getPublic()), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            err.println("fleet-hq: " + e.getFile() + " exists; keygen never overwrites a key");
            return 2;
        } catch (IOException e) {
            err.println("fleet-hq: keys not written in " + dir + ": " + e.getMessage());
            return 2;
        }
        out.println("fleet-hq: wrote " + priv + " (owner-only; start the office with --key " + priv + ") and " + pub
                + " (configure it on every kiosk)");
        return 0;
    }
}
