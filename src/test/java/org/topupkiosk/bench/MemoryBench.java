package org.topupkiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Resident memory of the kiosk over 1,000 simulated sales. Starts the real kiosk as a child process the way the field
 * starts it: {@code KioskMain} on a copy of the simulation configuration in a scratch folder, the JVM options of the
 * package (packaging/jvm.options) and the environment of its systemd unit (its Environment= lines), the production
 * logging, JavaFX headless (Monocle, software pipeline). Inside the
 * child a scripted customer ({@link org.topupkiosk.app.SimulatedSalesKiosk}) plays cash top-ups one after another:
 * number, the carrier's check, notes into the emulated acceptor, payment, the receipt on the emulated printer, back to
 * idle. Here, the child's resident set is read from /proc/PID/status (VmRSS, and its anonymous and file parts) on the
 * idle screen and every {@code every} sales.
 *
 * <p>Prints name=value lines: the resident set on the first idle screen, after the warm-up and after the last sale,
 * the peak (VmHWM), the least-squares slope of the samples after the warm-up in KB per 100 sales (flat is near 0), and
 * sales per second. Budget: 200 MB after 1,000 sales, flat after the warm-up. In the field the devices are real and
 * the carrier is remote, so no emulator is in the process; {@code --field} measures that case: the carrier simulator,
 * a CCNET validator on a pty pair, a network printer and a Shtrih-M fiscal register on TCP run in this process
 * ({@link FieldRig}), and the kiosk's
 * configuration points at them; the difference to the default run is what the emulators take.
 *
 * <p>Arguments: [--sales N] [--every N] [--warm N] [--work DIR] [--options packaging/jvm.options] [--jvm OPTION]...
 * [--env NAME=VALUE]... [--field] [--diagnose DIR] (after the last sale: class histogram, heap dump, smaps and, with
 * --jvm -XX:NativeMemoryTracking=summary, the native memory summary). Runs without a display: the Monocle properties
 * are set on the child.
 */
public final class MemoryBench {

    static final long BUDGET_MB = 200;

    private record Sample(int sales, long rssKb, long anonKb, long fileKb) {}

    /** The devices and carrier outside the kiosk's process ({@code --field}), or null: all inside, as simulated. */
    private final FieldRig rig;

    private MemoryBench(FieldRig rig) {
        this.rig = rig;
    }

    public static void main(String[] args) throws Exception {
        int sales = 1000;
        int every = 50;
        int warm = 200;
        Path work = null;
        Path options = Path.of("packaging/jvm.options");
        List<String> extra = new ArrayList<>();
        Path diagnose = null;
        List<String> env = new ArrayList<>();
        boolean field = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sales" -> sales = Integer.parseInt(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--options" -> options = Path.of(args[++i]);
                case "--jvm" -> extra.add(args[++i]);
                case "--diagnose" -> diagnose = Path.of(args[++i]);
                case "--env" -> env.add(args[++i]);
                case "--field" -> field = true;
                default -> {
                    System.err.println("usage: MemoryBench [--sales N] [--every N] [--warm N] [--work DIR]"
                            + " [--options FILE] [--jvm OPTION]... [--env NAME=VALUE]... [--field] [--diagnose DIR]");
                    System.exit(2);
                }
            }
        }
        if (warm >= sales || every <= 0 || warm % every != 0 || sales % every != 0) {
            throw new IllegalArgumentException("--warm and --sales must be multiples of --every, warm below sales");
        }
        boolean scratch = work == null;
        if (!scratch && Files.isDirectory(work)) {
            try (Stream<Path> in = Files.list(work)) {
                if (in.findAny().isPresent()) {
                    throw new IllegalArgumentException("--work " + work + " is not empty; give a new folder");
                }
            }
        }
        Path dir = scratch ? Files.createTempDirectory("kiosk-memory") : Files.createDirectories(work);
        try {
            if (field) {
                try (FieldRig rig = new FieldRig()) {
                    env.add(FieldRig.KEY_ENV + "=" + rig.keyHex());
                    new MemoryBench(rig).run(dir, sales, every, warm, jvmOptions(options, extra), env, diagnose);
                }
            } else {
                new MemoryBench(null).run(dir, sales, every, warm, jvmOptions(options, extra), env, diagnose);
            }
        } finally {
            if (scratch) {
                deleteTree(dir);
            }
        }
        System.exit(0);
    }

    /** The kiosk's systemd unit: its Environment= lines are the field's environment, and the bench's. */
    static final Path UNIT = Path.of("packaging/systemd/topup-kiosk.service");

    /** The NAME=VALUE pairs of the unit's {@code Environment=} lines (one pair a line; no quoting needed so far). */
    static Map<String, String> unitEnvironment(Path unit) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
            if (line.startsWith("Environment=")) {
                String pair = line.substring("Environment=".length()).strip();
                int eq = pair.indexOf('=');
                if (eq <= 0 || pair.contains(" ") || pair.contains("\"")) {
                    throw new IllegalStateException(unit + ": \"" + line + "\" is not one NAME=VALUE; MemoryBench"
                            + " must learn to read it");
                }
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    /** The field's options: one per line, blank lines and # comments skipped; then the ones given here. */
    static List<String> jvmOptions(Path file, List<String> extra) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        out.addAll(extra);
        return out;
    }

    /**
     * Two changes to the copied config so that rounds can run side by side and beside other tests: the SIM reader off
     * (pcscd's virtual reader is one for the whole machine; a card left in it by another test holds the session and
     * the scripted customer's number is refused) and the health endpoint on a free port instead of 8780.
     */
    private static void benchConfig(Path yaml) throws IOException {
        String s = Files.readString(yaml, StandardCharsets.UTF_8);
        String sim = "  sim:                      # SIM card reader, to find the customer's number from the SIM in hand\n"
                + "    enabled: true";
        String health = "  listen: 127.0.0.1:8780 ";
        if (!s.contains(sim) || !s.contains(health)) {
            throw new IllegalStateException("the simulation config's sim/health sections changed; MemoryBench must"
                    + " follow them");
        }
        s = s.replace(sim, sim.replace("enabled: true", "enabled: false")).replace(health, "  listen: 127.0.0.1:" + freePort() + " ");
        Files.writeString(yaml, s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void run(Path dir, int sales, int every, int warm, List<String> options, List<String> env, Path diagnose)
            throws IOException, InterruptedException {
        Path config = copyTree(Path.of("kiosk-config"), dir.resolve("kiosk-config"));
        if (rig != null) {
            rig.fieldConfig(config.resolve("kiosk.yaml"));
        }
        benchConfig(config.resolve("kiosk.yaml"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1080-32", "-Dlogback.configurationFile=logback.xml",
                "-Dkiosk.log.dir=" + dir.resolve("log"),
                "-cp", System.getProperty("java.class.path"), "org.topupkiosk.app.SimulatedSalesKiosk",
                "--sales", Integer.toString(sales), "--config", config.resolve("kiosk.yaml").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("kiosk.log").toFile());
        pb.environment().putAll(unitEnvironment(UNIT));
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env " + e + ": expected NAME=VALUE");
            }
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        Process p = pb.start();
        List<Sample> samples = new ArrayList<>();
        long doneMs = -1;
        int stalls = 0;
        long peakKb;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("@insert ") && rig != null) {
                    rig.insert(Long.parseLong(line.substring(8).strip()));
                } else if (line.equals("@ready")) {
                    samples.add(sample(p.pid(), 0));
                } else if (line.startsWith("@sale ")) {
                    int n = Integer.parseInt(line.substring(6).strip());
                    if (n % every == 0) {
                        samples.add(sample(p.pid(), n));
                    }
                } else if (line.startsWith("@done ms=")) {
                    doneMs = Long.parseLong(line.substring(9).strip());
                    break;
                } else if (line.startsWith("@stall")) {
                    stalls++;
                    System.err.println(line);
                } else if (line.startsWith("@failed")) {
                    throw new IllegalStateException("the kiosk failed: " + line + "; see " + dir.resolve("kiosk.log"));
                }
            }
            if (doneMs < 0) {
                throw new IllegalStateException("the kiosk ended before its last sale (exit "
                        + p.waitFor() + "); see " + dir.resolve("kiosk.log"));
            }
            peakKb = status(p.pid(), "VmHWM");
            if (diagnose != null) {
                diagnose(p.pid(), diagnose);
            }
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        report(samples, sales, warm, doneMs, peakKb);
        System.out.println("kiosk_cash_stalls=" + stalls);
    }

    private void report(List<Sample> samples, int sales, int warm, long doneMs, long peakKb) {
        Sample start = samples.get(0);
        Sample warmed = samples.stream().filter(s -> s.sales() == warm).findFirst().orElseThrow();
        Sample last = samples.get(samples.size() - 1);
        List<Sample> after = samples.stream().filter(s -> s.sales() >= warm).toList();
        System.out.println("kiosk_rss_budget_mb=" + BUDGET_MB);
        System.out.println("kiosk_rss_devices=" + (rig == null ? "emulated_in_process" : "outside_process"));
        System.out.println("kiosk_rss_idle_mb=" + mb(start.rssKb()));
        System.out.println("kiosk_rss_warm_mb=" + mb(warmed.rssKb()));
        System.out.println("kiosk_rss_warm_at_sales=" + warm);
        System.out.println("kiosk_rss_after_" + sales + "_sales_mb=" + mb(last.rssKb()));
        System.out.println("kiosk_rss_anon_after_" + sales + "_sales_mb=" + mb(last.anonKb()));
        System.out.println("kiosk_rss_file_after_" + sales + "_sales_mb=" + mb(last.fileKb()));
        System.out.println("kiosk_rss_peak_mb=" + mb(peakKb));
        System.out.println("kiosk_rss_slope_kb_per_100_sales=" + String.format(Locale.ROOT, "%.1f",
                100 * slope(after)));
        System.out.println("kiosk_sales_per_s=" + String.format(Locale.ROOT, "%.2f", sales * 1000.0 / doneMs));
        StringBuilder trace = new StringBuilder();
        for (Sample s : samples) {
            trace.append(trace.isEmpty() ? "" : ",").append(s.sales()).append(':').append(mb(s.rssKb()));
        }
        System.out.println("kiosk_rss_trace_sales_mb=" + trace);
    }

    /** Least-squares slope of the resident set (KB) over the sale count. */
    static double slope(List<Sample> samples) {
        double n = samples.size();
        double mx = samples.stream().mapToDouble(Sample::sales).sum() / n;
        double my = samples.stream().mapToDouble(Sample::rssKb).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            sxy += (s.sales() - mx) * (s.rssKb() - my);
            sxx += (s.sales() - mx) * (s.sales() - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.1f", kb / 1024.0);
    }

    private static Sample sample(long pid, int sales) throws IOException {
        return new Sample(sales, status(pid, "VmRSS"), status(pid, "RssAnon"), status(pid, "RssFile")
                + status(pid, "RssShmem"));
    }

    /** A "Name:   1234 kB" line of /proc/PID/status, in KB. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }

    /** What the heap holds by class, and where the native memory goes when the child tracks it. */
    private static void diagnose(long pid, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String dump = into.toAbsolutePath().resolve("heap.hprof").toString();
        for (String[] c : new String[][] {{"VM.native_memory", "summary"}, {"GC.class_histogram"}, {"GC.heap_info"},
                {"GC.heap_dump", dump}}) {
            List<String> cmd = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
            cmd.addAll(List.of(c));
            Process j = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(into.resolve(c[0] + ".txt").toFile()).start();
            j.waitFor(120, TimeUnit.SECONDS);
        }
        for (String f : List.of("smaps_rollup", "smaps")) {
            Files.copy(Path.of("/proc", Long.toString(pid), f), into.resolve(f + ".txt"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
