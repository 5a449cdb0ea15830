package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.testing.NotifyListener;
import org.topupkiosk.testing.SocatPair;

/**
 * Issue 14's acceptance of the package: {@code scripts/package} builds the .deb from this build's classes, and the
 * test reads it back with {@code dpkg-deb} (control fields, maintainer scripts, conffiles, file layout), checks its
 * systemd unit with {@code systemd-analyze verify}, extracts it with {@code dpkg-deb -x} into a temporary root and
 * starts the packaged launcher there in simulation mode on a virtual X display (Xvfb): it must tell a notify socket
 * READY=1 and keep pinging the watchdog, write its journal into the temporary folder (which {@code kioskctl journal
 * verify} then passes), answer {@code /health} with "ok" and list the cash box on {@code /metrics}, and say
 * STOPPING=1 when SIGTERM stops it.
 */
class PackagedKioskTest {

    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static final Path DPKG_DEB = Path.of("/usr/bin/dpkg-deb");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final String OPT = "opt/topup-kiosk";

    @TempDir
    static Path tmp;

    private static Path deb;
    private static Path root;

    @BeforeAll
    static void buildAndExtract() throws Exception {
        assumeTrue(Files.isExecutable(DPKG_DEB), "dpkg-deb is not installed: not a Debian machine");
        Result built = run(List.of("scripts/package", "--no-build"), Map.of(), Duration.ofMinutes(10));
        assertThat(built.exit).as(built.out).isZero();
        String debLine = built.out.lines().filter(l -> l.startsWith("deb=")).reduce((a, b) -> b).orElseThrow();
        deb = Path.of(debLine.substring(4)).toAbsolutePath();
        System.out.println("PackagedKioskTest: " + built.out.lines().filter(l -> l.matches("^(deb|deb_bytes|"
                + "package_seconds)=.*")).toList());
        root = tmp.resolve("root");
        Result x = run(List.of(DPKG_DEB.toString(), "-x", deb.toString(), root.toString()), Map.of(),
                Duration.ofMinutes(3));
        assertThat(x.exit).as(x.out).isZero();
    }

    @Test
    void controlMetadataNamesThePackageForThisMachine() throws Exception {
        String arch = run(List.of("dpkg", "--print-architecture"), Map.of(), Duration.ofSeconds(30)).out.strip();
        String pomVersion = Files.readAllLines(Path.of("pom.xml")).stream()
                .filter(l -> l.startsWith("  <version>")).findFirst().orElseThrow()
                .replace("<version>", "").replace("</version>", "").strip();
        String version = pomVersion.replace("-SNAPSHOT", "~snapshot");
        assertThat(deb.getFileName().toString()).isEqualTo("topup-kiosk_" + version + "_" + arch + ".deb");
        assertThat(field("Package")).isEqualTo("topup-kiosk");
        assertThat(field("Version")).isEqualTo(version);
        assertThat(field("Architecture")).isEqualTo(arch);
        assertThat(field("Depends")).contains("adduser", "libgtk-3-0", "libpcsclite1", "libc6");
        assertThat(field("Recommends")).contains("cage", "pcscd");

        String info = run(List.of(DPKG_DEB.toString(), "-I", deb.toString()), Map.of(), Duration.ofSeconds(30)).out;
        assertThat(info).contains("conffiles", "postinst", "prerm", "postrm");
        String conffiles = run(List.of(DPKG_DEB.toString(), "-I", deb.toString(), "conffiles"), Map.of(),
                Duration.ofSeconds(30)).out;
        assertThat(conffiles.lines().toList()).containsExactly("/etc/topup-kiosk/catalog/catalog.yaml",
                "/etc/topup-kiosk/kiosk.yaml", "/etc/topup-kiosk/numbering/def-sample.csv",
                "/etc/topup-kiosk/numbering/operators.yaml");
        String postinst = run(List.of(DPKG_DEB.toString(), "-I", deb.toString(), "postinst"), Map.of(),
                Duration.ofSeconds(30)).out;
        assertThat(postinst).contains("adduser --system --group --home /var/lib/topup-kiosk", "topup dialout",
                "topup gpio", "install -d -o topup -g topup -m 0700 /var/lib/topup-kiosk",
                "install -d -o topup -g topup -m 0750 /var/log/topup-kiosk");
    }

    @Test
    void theFileLayoutIsTheOneTheDocsDescribe() throws Exception {
        List<String> listing = run(List.of(DPKG_DEB.toString(), "-c", deb.toString()), Map.of(),
                Duration.ofSeconds(60)).out.lines().toList();
        assertThat(listing).allSatisfy(l -> assertThat(l).contains(" root/root "));
        assertThat(names(listing)).contains("./opt/topup-kiosk/bin/topup-kiosk", "./opt/topup-kiosk/bin/kioskctl",
                "./opt/topup-kiosk/bin/kiosk-session", "./opt/topup-kiosk/bin/install-kiosk",
                "./opt/topup-kiosk/lib/app/topup-kiosk.jar", "./opt/topup-kiosk/lib/app/topup-kiosk.cfg",
                "./opt/topup-kiosk/lib/runtime/lib/server/libjvm.so", "./etc/topup-kiosk/kiosk.yaml",
                "./etc/topup-kiosk/catalog/catalog.yaml", "./etc/topup-kiosk/numbering/def-sample.csv",
                "./etc/topup-kiosk/numbering/operators.yaml",
                "./lib/systemd/system/topup-kiosk.service", "./usr/share/doc/topup-kiosk/deployment.md",
                "./usr/share/doc/topup-kiosk/examples/99-topup-kiosk.rules",
                "./usr/share/doc/topup-kiosk/examples/simulation/kiosk.yaml");
        assertThat(listing).anySatisfy(l -> assertThat(l).startsWith("lrwxrwxrwx")
                .endsWith("./usr/bin/kioskctl -> /opt/topup-kiosk/bin/kioskctl"));
        assertThat(listing).filteredOn(l -> l.endsWith("./opt/topup-kiosk/bin/topup-kiosk")
                || l.endsWith("./opt/topup-kiosk/bin/kiosk-session")).allSatisfy(l -> assertThat(l)
                .startsWith("-rwxr-xr-x"));
        // Nothing of the build machine or of the tests goes in: no test jars, no var/.
        assertThat(names(listing)).noneMatch(n -> n.contains("junit") || n.contains("monocle") || n.contains("/var/"));

        // The configuration is the production example; the unit is the repository's.
        assertThat(root.resolve("etc/topup-kiosk/kiosk.yaml")).hasSameBinaryContentAs(
                Path.of("kiosk-config/production.example.yaml"));
        assertThat(root.resolve("lib/systemd/system/topup-kiosk.service")).hasSameBinaryContentAs(
                Path.of("packaging/systemd/topup-kiosk.service"));

        // Every runtime jar of the build is on the packaged class path; the JVM options are packaging/jvm.options and
        // the log folder, which resolves under the root the package is unpacked in.
        List<String> jars = Arrays.stream(Files.readString(Path.of("target/classpath-runtime.txt")).strip().split(":"))
                .map(p -> Path.of(p).getFileName().toString()).toList();
        assertThat(jars).isNotEmpty().allSatisfy(j -> assertThat(root.resolve(OPT + "/lib/app/" + j)).exists());
        String cfg = Files.readString(root.resolve(OPT + "/lib/app/topup-kiosk.cfg"));
        for (String option : Files.readAllLines(Path.of("packaging/jvm.options"))) {
            String o = option.replaceAll("#.*", "").strip();
            if (!o.isEmpty()) {
                assertThat(cfg).contains("java-options=" + o);
            }
        }
        assertThat(cfg).contains("java-options=-Dkiosk.log.dir=$ROOTDIR/../../var/log/topup-kiosk",
                "app.mainclass=org.topupkiosk.app.KioskMain");
        assertThat(Files.readString(root.resolve(OPT + "/lib/app/kioskctl.cfg")))
                .contains("app.mainclass=org.topupkiosk.ops.KioskCtl", "-Dkiosk.log.dir=");
    }

    @Test
    void theUnitsPassSystemdAnalyzeVerify() throws Exception {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed (package systemd)");
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/systemd/system")), "no systemd units on this machine");
        // verify --root looks for everything under the root: the system's own units (sysinit.target, getty@.service)
        // beside the package, so ExecStart= is checked against the packaged file, not this machine's /opt.
        Path units = root.resolve("usr/lib/systemd/system");
        Files.createDirectories(units);
        try (Stream<Path> system = Files.list(Path.of("/usr/lib/systemd/system"))) {
            for (Path u : system.filter(Files::isRegularFile).toList()) {
                Files.copy(u, units.resolve(u.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<Path> ours;
        try (Stream<Path> files = Files.list(Path.of("packaging/systemd"))) {
            ours = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
        }
        assertThat(ours).isNotEmpty();
        for (Path unit : ours) {
            Result r = run(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no", "--root=" + root,
                    "/lib/systemd/system/" + unit.getFileName()), Map.of(), Duration.ofSeconds(60));
            // verify exits 0 on warnings (an unknown key, a bad value): any output counts as a failure here.
            assertThat(r.exit).as(r.out).isZero();
            assertThat(r.out).as("systemd-analyze verify " + unit).isBlank();
        }
    }

    @Test
    void thePackagedKioskctlRunsThroughALink() throws Exception {
        Path sim = simulationConfig("ctl");
        Path link = tmp.resolve("bin-link/kioskctl");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, root.resolve(OPT + "/bin/kioskctl"));
        Result r = run(List.of(link.toString(), "config", "check", "--config", sim.resolve("kiosk.yaml").toString()),
                Map.of(), Duration.ofMinutes(2));
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).contains("SIM-0001");
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void thePackagedLauncherStartsHeadlessInSimulationAndAnswersHealth() throws Exception {
        assumeTrue(Files.isExecutable(XVFB), "Xvfb is not installed (package xvfb; CI installs it)");
        assumeTrue(SocatPair.available(), "socat is not installed (CI installs it)");
        Path sim = simulationConfig("run");
        int port = freePort();
        listenOn(sim.resolve("kiosk.yaml"), port);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path out = tmp.resolve("kiosk.out");
        Process xvfb = null;
        Process kiosk = null;
        HttpResponse<String> health = null;
        HttpResponse<String> metrics = null;
        try (NotifyListener systemd = NotifyListener.onPath(tmp.resolve("notify"))) {
            xvfb = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24",
                    "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String display = readDisplay(xvfb.getInputStream());
            ProcessBuilder pb = new ProcessBuilder(root.resolve(OPT + "/bin/topup-kiosk").toString(), "--config",
                    sim.resolve("kiosk.yaml").toString()).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("DISPLAY", ":" + display);
            pb.environment().put("HOME", home.toString());
            pb.environment().put("NOTIFY_SOCKET", systemd.address());
            pb.environment().put("WATCHDOG_USEC", "2000000");
            kiosk = pb.start();
            Process k = kiosk;
            assertThat(systemd.await(l -> l.count("READY=1") == 1 || !k.isAlive(), Duration.ofMinutes(3))
                    && kiosk.isAlive()).as("READY=1 from the packaged launcher; its output:\n%s", tail(out)).isTrue();
            assertThat(systemd.text()).contains("STATUS=kiosk SIM-0001");
            assertThat(systemd.await(l -> l.count("WATCHDOG=1") >= 3, Duration.ofSeconds(60)))
                    .as("watchdog pings every second from the flow thread").isTrue();
            assertThat(sim.resolveSibling("var/journal.db")).as("the journal in the temporary folder").exists();
            assertThat(Files.readString(out)).as("the app's log").contains("core built", "start timings");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            health = awaitOk(http, URI.create("http://127.0.0.1:" + port + "/health"));
            metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            kiosk.destroy(); // SIGTERM, as systemctl stop sends it: no JavaFX stop(), the shutdown hook closes
            assertThat(systemd.await(l -> l.count("STOPPING=1") == 1, Duration.ofSeconds(30)))
                    .as("STOPPING=1 on SIGTERM; output:\n%s", tail(out)).isTrue();
            assertThat(kiosk.waitFor(30, TimeUnit.SECONDS)).as("ends within TimeoutStopSec").isTrue();
            assertThat(Files.readString(out)).as("closed in order").contains("kiosk stopped");
        } finally {
            stop(kiosk);
            stop(xvfb);
        }
        // The journal the packaged kiosk wrote passes verify (the kiosk is stopped now).
        Result verify = run(List.of(root.resolve(OPT + "/bin/kioskctl").toString(), "journal", "verify", "--db",
                sim.resolveSibling("var/journal.db").toString()), Map.of(), Duration.ofMinutes(2));
        assertThat(verify.exit).as(verify.out).isZero();

        // The health contract (health.listen, GET /health and /metrics).
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("kiosk_cashbox");
    }

    /** The simulation configuration the package ships as an example, copied to its own folder (journal: ../var). */
    private static Path simulationConfig(String name) throws IOException {
        Path from = root.resolve("usr/share/doc/topup-kiosk/examples/simulation");
        Path to = tmp.resolve(name).resolve("kiosk-config");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        // The virtual SIM would go into pcscd's shared vpcd reader, which the PC/SC tests of this machine use.
        Path yaml = to.resolve("kiosk.yaml");
        String text = Files.readString(yaml);
        String off = text.replaceFirst("(?m)^(  sim:[^\\n]*\\n    enabled: )true", "$1false");
        assertThat(off).as("devices.sim.enabled in the example").isNotEqualTo(text);
        Files.writeString(yaml, off);
        return to;
    }

    /** Points the example's health.listen at a free port; kioskctl config check must accept the result. */
    private static void listenOn(Path yaml, int port) throws Exception {
        String before = Files.readString(yaml);
        String after = before.replaceFirst("(?m)^(health:[^\\n]*\\n  listen: )\\S+", "$1\"127.0.0.1:" + port + "\"");
        assertThat(after).as("health.listen in the example").isNotEqualTo(before);
        Files.writeString(yaml, after);
        Result check = run(List.of(root.resolve(OPT + "/bin/kioskctl").toString(), "config", "check", "--config",
                yaml.toString()), Map.of(), Duration.ofMinutes(2));
        assertThat(check.exit).as(check.out).isZero();
    }

    private static HttpResponse<String> awaitOk(HttpClient http, URI uri) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || System.nanoTime() > end) {
                    return r;
                }
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }

    private static String readDisplay(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            s.append((char) c);
        }
        assertThat(s.toString()).as("Xvfb's display number").matches("\\d+");
        return s.toString();
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String field(String name) throws Exception {
        return run(List.of(DPKG_DEB.toString(), "-f", deb.toString(), name), Map.of(), Duration.ofSeconds(30))
                .out.strip();
    }

    private static List<String> names(List<String> listing) {
        List<String> names = new ArrayList<>();
        for (String l : listing) {
            String n = l.substring(l.indexOf(" ./") + 1);
            names.add(n.contains(" -> ") ? n.substring(0, n.indexOf(" -> ")) : n);
        }
        return names;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private record Result(int exit, String out) {}

    private static Result run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        Path log = Files.createTempFile(tmp, "run", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + timeout + ":\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
