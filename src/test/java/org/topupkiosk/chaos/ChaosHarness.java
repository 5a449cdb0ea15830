package org.topupkiosk.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.LedgerEntry;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.device.cash.id003.Id003Denominations;
import org.topupkiosk.device.emulator.BillAcceptorEmulator;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.Id003Emulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.ClaimPaper;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.VerifyReport;
import org.topupkiosk.testing.SocatPair;

/**
 * Kills the kiosk core with SIGKILL at the worst moments and checks that no rouble is lost and none is paid twice.
 * Each run: a fresh kiosk directory, a child process playing a cash top-up, a kill (at a named crash point or at a
 * random moment), a second life that recovers and finishes, then three comparisons: the emulated cash box against
 * the journal, the journal's own invariant, and the journal against the carrier simulator's ledger (which outlives
 * every child, as a real carrier would).
 *
 * <p>The child runs the real CCNET (or, with {@code --protocol id003}, ID003) driver on one end of a socat pty pair; the validator emulator runs here, on the
 * other end, so it outlives the killed kiosk as a real validator does (a fresh pty pair per life, the same emulator).
 * Point {@code powerup-in-stacker} cuts the validator's power while a note goes down: the child is killed then, and
 * the next life meets "power up with bill in stacker". The driver remembered at STACK which note it was, so the flow
 * must credit it like any stacked note: an unnamed note (journaled with amount unknown) counts as a problem here.
 */
public final class ChaosHarness {

    static final List<String> POINTS = List.of("stacked-before-commit", "stacked-after-commit", "submitted",
            "payment-before-send", "payment-after-answer", "powerup-in-stacker", "random");

    /**
     * Issue 13: kills around a fiscal registration (intent journaled, nothing sent; the register signed, the journal
     * not yet told; the document journaled, the order not yet queued). Reached only with a fiscal register wired; a run
     * drawn at one without a register plays a plain sale to the end and is checked the same.
     */
    static final List<String> FISCAL_POINTS = List.of("fiscal-before-send", "fiscal-after-close",
            "fiscal-after-journal");

    /** Faults other than a kill, each played by {@link ChaosFaults}; a run draws from points and faults alike. */
    static final List<String> FAULTS = ChaosFaults.KINDS;

    /**
     * {@code undelivered}: credits the customer never got on paper, by the journal's rule ({@link ClaimPaper}: no
     * printed voucher, and no printed receipt of its order that carries the order's claim code). {@code mix}: how many
     * runs each point or fault had.
     */
    public record Result(int runs, int lost, int doubled, int undelivered, List<String> problems,
                         Map<String, Integer> mix) {
        public Result(int runs, int lost, int doubled, List<String> problems) {
            this(runs, lost, doubled, 0, problems, Map.of());
        }

        public String line() {
            return "runs=" + runs + " lost=" + lost + " doubled=" + doubled + " undelivered=" + undelivered;
        }
    }

    private final String protocol;
    private final Path config;
    /** The config's carrier adapter is OSMP: the child talks to the simulator's /osmp, its ledger keyed by numeric ids. */
    private final boolean osmp;
    private final Path workDir;
    private final Random random;
    private final boolean verbose;
    private final String onlyPoint;

    public ChaosHarness(Path config, Path workDir, long seed, boolean verbose, String onlyPoint) {
        this(config, workDir, seed, verbose, onlyPoint, "ccnet");
    }

    /** @param protocol ccnet or id003: the driver the child runs and the emulator the harness keeps */
    public ChaosHarness(Path config, Path workDir, long seed, boolean verbose, String onlyPoint, String protocol) {
        if (!protocol.equals("ccnet") && !protocol.equals("id003")) {
            throw new IllegalArgumentException("protocol " + protocol + " (expected ccnet or id003)");
        }
        this.protocol = protocol;
        this.onlyPoint = onlyPoint;
        this.config = config;
        try {
            this.osmp = ConfigLoader.loadKioskConfig(config).carrier().adapter() == KioskConfig.Adapter.OSMP;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(config + " cannot be used: " + e.getMessage(), e);
        }
        this.workDir = workDir;
        this.random = new Random(seed);
        this.verbose = verbose;
    }

    public static void main(String[] args) throws Exception {
        int runs = 200;
        long seed = System.nanoTime();
        Path config = null;
        Path work = Path.of("var/chaos");
        String point = null;
        String protocol = "ccnet";
        String adapter = "rest";
        int parallel = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--config" -> config = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--point" -> point = args[++i];
                case "--protocol" -> protocol = args[++i];
                case "--adapter" -> adapter = args[++i];
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: chaos [--runs N] [--seed S] [--point NAME] [--protocol ccnet|id003] [--config F]"
                            + " [--work DIR] [--parallel P] [--adapter rest|osmp]\n"
                            + "points: " + POINTS + " " + FISCAL_POINTS + "\nfaults: " + FAULTS);
                    System.exit(2);
                }
            }
        }
        String adapterProblem = adapterProblem(adapter, config);
        if (adapterProblem != null) {
            System.err.println(adapterProblem);
            System.exit(2);
        }
        config = config != null ? config : configFor(adapter);
        System.out.println("chaos seed=" + seed + " adapter=" + adapter);
        if (point != null && !POINTS.contains(point) && !FAULTS.contains(point) && !FISCAL_POINTS.contains(point)) {
            System.err.println("unknown point " + point + "; points: " + POINTS + "; faults: " + FAULTS);
            System.exit(2);
        }
        Result r = parallel <= 1 ? new ChaosHarness(config, work, seed, true, point, protocol).run(runs)
                : runInParallel(config, work, seed, point, protocol, runs, parallel);
        r.problems().forEach(p -> System.out.println("problem: " + p));
        System.out.println("mix " + r.mix());
        System.out.println(r.line());
        System.exit(r.lost() == 0 && r.doubled() == 0 && r.undelivered() == 0 && r.problems().isEmpty() ? 0 : 1);
    }

    /**
     * The config a run with {@code --adapter} uses unless {@code --config} names one: the simulation config of that
     * adapter. The child's kiosk core builds the adapter from it (KioskCarrier.gateway) against this harness's
     * simulator, so the adapter under test is the configured one, as in a kiosk.
     */
    static Path configFor(String adapter) {
        return Path.of(adapter.equals("osmp") ? "kiosk-config/osmp.example.yaml" : "kiosk-config/kiosk.yaml");
    }

    /** Why {@code --adapter} cannot run with {@code config} (null: the adapter's own config), or null. */
    static String adapterProblem(String adapter, Path config) {
        if (!adapter.equals("rest") && !adapter.equals("osmp")) {
            return "--adapter " + adapter + " (expected rest or osmp)";
        }
        Path file = config != null ? config : configFor(adapter);
        try {
            String configured = ConfigLoader.loadKioskConfig(file).carrier().adapter().name().toLowerCase(Locale.ROOT);
            return configured.equals(adapter) ? null
                    : "--adapter " + adapter + " but " + file + " says carrier.adapter: " + configured;
        } catch (ConfigException e) {
            return file + " cannot be used: " + e.getMessage();
        }
    }

    /**
     * {@code runs} split over {@code parallel} harnesses, each in its own work directory with seed {@code seed + k} (so
     * the same seed and parallelism replay the same runs), and their results added up: a long campaign in a fraction of
     * the time on a machine with cores to spare. Every run still has its own simulator, validator and pty pair.
     */
    static Result runInParallel(Path config, Path work, long seed, String point, String protocol, int runs,
                                int parallel) throws Exception {
        List<CompletableFuture<Result>> parts = new ArrayList<>();
        for (int k = 0; k < parallel; k++) {
            int share = runs / parallel + (k < runs % parallel ? 1 : 0);
            ChaosHarness h = new ChaosHarness(config, work.resolve("w" + k), seed + k, true, point, protocol);
            parts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return h.run(share);
                } catch (Exception e) {
                    return new Result(share, 0, 0, List.of("worker failed: " + e));
                }
            }, r -> new Thread(r, "chaos-worker").start()));
        }
        int lost = 0;
        int doubled = 0;
        int undelivered = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> mix = new TreeMap<>();
        for (CompletableFuture<Result> part : parts) {
            Result r = part.get();
            lost += r.lost();
            doubled += r.doubled();
            undelivered += r.undelivered();
            problems.addAll(r.problems());
            r.mix().forEach((k, v) -> mix.merge(k, v, Integer::sum));
        }
        return new Result(runs, lost, doubled, undelivered, problems, mix);
    }

    public Result run(int runs) throws Exception {
        deleteTree(workDir);
        Files.createDirectories(workDir);
        byte[] key = KioskKey.developmentKey();
        int lost = 0;
        int doubled = 0;
        int undelivered = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> mix = new TreeMap<>();
        List<String> kinds = new ArrayList<>(POINTS);
        kinds.addAll(FISCAL_POINTS);
        kinds.addAll(protocol.equals("ccnet") ? FAULTS : ChaosFaults.ANY_ACCEPTOR);
        for (int i = 0; i < runs; i++) {
            // A simulator per run: every run's kiosk starts its transaction ids afresh, as a new kiosk would.
            try (CarrierSimulator sim = new CarrierSimulator(0, key, null)) {
                Path dir = workDir.resolve("run-" + i);
                String point = onlyPoint != null ? onlyPoint : kinds.get(random.nextInt(kinds.size()));
                mix.merge(point, 1, Integer::sum);
                String number = "916" + String.format("%07d", random.nextInt(10_000_000));
                long amount = 100L * (1 + random.nextInt(10));
                String bills = billsFor(amount);
                ChaosFaults.Plan plan = FAULTS.contains(point)
                        ? ChaosFaults.plan(point, random, sim, dir.resolve("journal.db"))
                        : ChaosFaults.kill(point, random);

                BillAcceptorEmulator validator = protocol.equals("id003")
                        ? new Id003Emulator(Id003Denominations.RUB_DEFAULT, LineNoise.NONE, i)
                        : new CcnetEmulator(CcnetEmulator.RUB_TABLE, LineNoise.NONE, i);
                Life first = life(dir, sim, validator, plan.armed(), number, amount, bills, plan.killAfterMs(),
                        plan.cutPower(), 0, plan.onFirstInsert());
                plan.settle();
                Life second = life(dir, sim, validator, "none", number, amount, bills, -1, false,
                        plan.secondLifeClockOffsetMs(), null);
                if (!second.done()) {
                    problems.add("run " + i + " (" + point + "): recovery did not finish: " + second.tail());
                }
                Check c = compare(dir, validator, sim.ledger(), "run " + i + " (" + point + ")");
                lost += c.lost();
                doubled += c.doubled();
                undelivered += c.undelivered();
                problems.addAll(c.problems());
                if (verbose) {
                    System.out.printf("run=%d point=%s killed=%s cashbox=%s lost=%d doubled=%d undelivered=%d%n", i,
                            point, first.killed() ? "yes" : "no(finished first)", c.cashBox().plain(), c.lost(),
                            c.doubled(), c.undelivered());
                }
            }
        }
        return new Result(runs, lost, doubled, undelivered, problems, mix);
    }

    private static String billsFor(long amount) {
        List<String> b = new ArrayList<>();
        long left = amount;
        while (left > 0) {
            long note = left >= 500 ? 500 : left >= 200 ? 200 : 100;
            b.add(Long.toString(note));
            left -= note;
        }
        return String.join(",", b);
    }

    private record Life(boolean done, boolean killed, String tail) {}

    private Life life(Path dir, CarrierSimulator sim, BillAcceptorEmulator validator, String armed, String number,
                      long amount, String bills, long killAfterMs, boolean cutPower, long clockOffsetMs,
                      ChaosFaults.OnInsert onFirstInsert)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (SocatPair line = SocatPair.start()) {
            validator.serve(new JSerialCommLink(line.deviceEnd(), validator.line()));
            try {
                return life(dir, sim, validator, line.hostEnd(), armed, number, amount, bills, killAfterMs, cutPower,
                        clockOffsetMs, onFirstInsert);
            } finally {
                validator.stop();
            }
        }
    }

    private Life life(Path dir, CarrierSimulator sim, BillAcceptorEmulator validator, String port, String armed,
                      String number, long amount, String bills, long killAfterMs, boolean cutPower,
                      long clockOffsetMs, ChaosFaults.OnInsert onFirstInsert)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dlogback.configurationFile=logback-chaos.xml",
                "-cp", System.getProperty("java.class.path"), ChaosChild.class.getName(),
                config.toString(), dir.toString(), (osmp ? sim.osmpUri() : sim.baseUri()).toString(), armed, number, Long.toString(amount), bills,
                port, protocol, Long.toString(clockOffsetMs));
        boolean[] firstInsertSeen = {onFirstInsert == null};
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        if (cutPower) {
            validator.cutPowerOnNextStack(() -> outcome.complete("@powercut"));
        }
        StringBuilder tail = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (tail) {
                        tail.append(line).append('\n');
                        if (tail.length() > 4000) {
                            tail.delete(0, tail.length() - 4000);
                        }
                    }
                    if (line.startsWith("@insert ")) {
                        Money note = Money.rub(Long.parseLong(line.substring(8).strip()));
                        if (!firstInsertSeen[0]) {
                            firstInsertSeen[0] = true;
                            onFirstInsert.insert(validator, note);
                        } else {
                            validator.insert(note);
                        }
                    } else if (line.startsWith("@crash") || line.startsWith("@done")) {
                        outcome.complete(line);
                    }
                }
            } catch (IOException e) {
                // the process was killed under us: that is the point
            }
            outcome.complete("eof");
        });
        reader.setDaemon(true);
        reader.start();
        String what;
        try {
            what = killAfterMs >= 0
                    ? outcome.completeOnTimeout("timer", killAfterMs, TimeUnit.MILLISECONDS).get()
                    : outcome.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            what = "timeout";
        }
        boolean killed = !what.startsWith("@done");
        if (p.isAlive()) {
            p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
        }
        p.waitFor(10, TimeUnit.SECONDS);
        reader.join(2000);
        String t;
        synchronized (tail) {
            t = tail.toString();
        }
        return new Life(what.startsWith("@done"), killed, t);
    }

    private record Check(Money cashBox, int lost, int doubled, int undelivered, List<String> problems) {}

    /** Compares the physical cash box, the journal and the carrier's ledger for one run. */
    private Check compare(Path dir, BillAcceptorEmulator validator, Map<String, LedgerEntry> ledger, String label)
            throws IOException {
        Money cashBox = validator.cashBoxTotal();
        // Notes the validator took during a power cut: it only says "bill in stacker", but the driver remembered at
        // STACK which note it sent down, so the journal must credit it (the cash box comparison below checks that).
        // A note journaled with amount unknown means the driver failed to name it: encashment would find it, but
        // the harness reports it.
        int unidentifiedAudited = powerUpsInStackerWithoutAmount(dir.resolve("journal.db"));
        if (unidentifiedAudited > 0) {
            problems0(label + ": " + unidentifiedAudited + " power-up(s) with an unnamed note in the stacker; "
                    + validator.unreportedInStacker().size() + " note(s) went in during a power cut");
            cashBox = cashBox.minus(validator.unreportedInStacker().stream().reduce(Money.ZERO_RUB, Money::plus));
        }
        List<String> problems = new ArrayList<>(pendingProblems);
        pendingProblems.clear();
        int lost = problems.size();
        int doubled = 0;
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "chaos", Clock.systemUTC())) {
            VerifyReport report = journal.verify();
            if (!report.ok()) {
                problems.add(label + ": journal verify failed: " + report.violations());
            }
            Money stacked = journal.stackedTotal();
            if (stacked.lessThan(cashBox)) {
                lost++;
                problems.add(label + ": cash box holds " + cashBox.plain() + " but the journal only " + stacked.plain());
            } else if (stacked.greaterThan(cashBox)) {
                doubled++;
                problems.add(label + ": journal credits " + stacked.plain() + " for a cash box of " + cashBox.plain());
            }
            for (Order o : journal.ordersByStatus(OrderStatus.values())) {
                // OSMP's ledger knows the numeric txn_id made with the order (V8), REST's the order's own id.
                LedgerEntry e = ledger.get(osmp ? journal.outbox().numericTxnId(o.txnId()) : o.txnId());
                boolean paid = o.status() == OrderStatus.CONFIRMED;
                if (e != null && e.appliedCount() > 1) {
                    doubled++;
                    problems.add(label + ": carrier applied " + o.txnId() + " " + e.appliedCount() + " times");
                }
                if (paid && (e == null || e.amount().minor() != o.amount().minor())) {
                    lost++;
                    problems.add(label + ": confirmed order " + o.txnId() + " missing or different at the carrier: " + e);
                }
                if (!paid && e != null && e.appliedCount() > 0 && o.status() != OrderStatus.PENDING) {
                    doubled++;
                    problems.add(label + ": order " + o.txnId() + " is " + o.status() + " locally but paid at the carrier");
                }
                if (o.status() == OrderStatus.OPEN || o.status() == OrderStatus.PENDING) {
                    problems.add(label + ": order " + o.txnId() + " still " + o.status() + " after recovery");
                }
            }
        }
        FiscalAgreement fiscal = FiscalAgreement.of(dir);
        doubled += fiscal.unjournaled().size();
        lost += fiscal.unsigned().size();
        problems.addAll(fiscal.problems(label));
        List<String> unpaid = ChaosFaults.undeliveredCredits(dir.resolve("journal.db"));
        for (String u : unpaid) {
            problems.add(label + ": credit never on paper: " + u);
        }
        return new Check(cashBox, lost, doubled, unpaid.size(), problems);
    }

    private final List<String> pendingProblems = new ArrayList<>();

    private void problems0(String problem) {
        pendingProblems.add(problem);
    }

    private static int powerUpsInStackerWithoutAmount(Path journalFile) throws IOException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + journalFile);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM audit WHERE kind = "
                     + "'acceptor_powerup_with_bill' AND data LIKE '%STACKER%' AND data LIKE '%\"amount\":null%'")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot read the audit of " + journalFile, e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
