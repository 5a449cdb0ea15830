package org.topupkiosk.fleet.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.topupkiosk.domain.Money;
import org.topupkiosk.fleet.FleetKeys;

/**
 * scripts/fleet-demo: a whole fleet on one machine in one command. A broker (the one given, else Mosquitto when
 * installed, else Moquette in this JVM), N kiosk cores in simulation with their fleet agents on, scripted customers
 * making top-ups at each, a few faults ({@link DemoFaults}), and the office page. Prints the page's address and the
 * broker's URL, then runs until Ctrl-C (or {@code --seconds}), and removes its scratch folder on the way out.
 *
 * <p>Arguments: [--kiosks N] [--broker URL] [--port P (the office page, default 8788; 0: a free one)] [--seconds S]
 */
public final class FleetDemo {

    public static void main(String[] args) throws Exception {
        int kiosks = 20;
        String broker = null;
        int port = 8788;
        long seconds = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kiosks" -> kiosks = Integer.parseInt(args[++i]);
                case "--broker" -> broker = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: fleet-demo [--kiosks N] [--broker URL] [--port P] [--seconds S]");
                    System.exit(2);
                }
            }
        }
        if (kiosks < 1 || kiosks > 200) {
            System.err.println("--kiosks is 1 to 200 (the demo runs every kiosk in this one JVM)");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("fleet-demo");
        CountDownLatch done = new CountDownLatch(1);
        List<AutoCloseable> open = new ArrayList<>();
        Thread cleanup = new Thread(() -> closeAll(open, dir), "fleet-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        DemoBroker b = DemoBroker.open(broker, dir);
        open.add(b);
        say("broker: " + b.url() + " (" + b.kind() + ")");
        Path officeKey = dir.resolve("office.key");
        Path officePub = dir.resolve("office.pub");
        KeyPair keys = FleetKeys.generate();
        Files.writeString(Files.createFile(officeKey, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), FleetKeys.privatePem(keys.getPrivate()));
        Files.writeString(officePub, FleetKeys.publicPem(keys.getPublic()));
        DemoOffice office = new DemoOffice(b.url(), port, officeKey, dir.resolve("office.log"));
        open.add(office);
        say("office page: " + office.page());
        DemoKiosks fleet = new DemoKiosks(kiosks, dir.resolve("kiosks"), URI.create(b.url()), officePub);
        open.add(fleet);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "fleet-demo-faults");
            t.setDaemon(true);
            return t;
        });
        open.add(clock::shutdownNow);
        List<DemoCustomers> customers = new ArrayList<>();
        for (int i = 0; i < kiosks; i++) {
            // The fourth kiosk's customers pay in 10-rouble notes, so its cash box fills up within minutes.
            DemoCustomers c = i == 3
                    ? new DemoCustomers(fleet.cores().get(i), fleet.ids().get(i), Duration.ofSeconds(1),
                            Duration.ofSeconds(3), Money.rub(10))
                    : new DemoCustomers(fleet.cores().get(i), fleet.ids().get(i), Duration.ofSeconds(5),
                            Duration.ofSeconds(25), Money.rub(100));
            customers.add(c);
            Thread t = new Thread(c, "customers-" + fleet.ids().get(i));
            t.setDaemon(true);
            t.start();
        }
        open.add(() -> customers.forEach(DemoCustomers::stop));
        DemoFaults.schedule(fleet.cores(), fleet.ids(), clock);
        clock.scheduleAtFixedRate(() -> say("sales so far: " + customers.stream().mapToInt(DemoCustomers::sales).sum()),
                30, 30, TimeUnit.SECONDS);
        say("kiosks: " + kiosks + " (" + fleet.ids().get(0) + " .. " + fleet.ids().get(kiosks - 1) + ")");
        say("office page: " + office.page() + "   broker: " + b.url() + "   (Ctrl-C stops the demo)");
        say("@ready");
        if (seconds > 0) {
            done.await(seconds, TimeUnit.SECONDS);
            System.exit(0);
        }
        done.await();
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Last opened, first closed: customers, then kiosks (their goodbye state), then the broker; then the folder. */
    private static void closeAll(List<AutoCloseable> open, Path dir) {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                System.err.println("fleet-demo: closing: " + e);
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("fleet-demo: could not remove " + dir + ": " + e);
        }
    }
}
