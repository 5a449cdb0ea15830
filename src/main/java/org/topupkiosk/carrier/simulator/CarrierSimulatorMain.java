package org.topupkiosk.carrier.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the carrier simulator alone until Ctrl-C; started by {@code scripts/carrier-sim}. */
@Command(name = "carrier-sim", mixinStandardHelpOptions = true,
        description = "Embedded carrier backend (docs/carrier-api.md) on 127.0.0.1, plain HTTP.")
public final class CarrierSimulatorMain implements Callable<Integer> {

    /** The key when none is given; fine on a developer's loopback, never anywhere else. */
    static final String DEV_KEY = "topup-kiosk-dev-key";

    @Option(names = "--port", description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8790;

    @Option(names = "--key-file", description = "HMAC key for every kiosk id: the file's bytes, one trailing newline "
            + "ignored. Default: the development key '" + DEV_KEY + "'.")
    Path keyFile;

    @Option(names = "--ledger", description = "JSON-lines ledger file, replayed at start and appended per payment.")
    Path ledger;

    @Override
    public Integer call() throws Exception {
        byte[] key = keyFile == null ? DEV_KEY.getBytes(StandardCharsets.UTF_8) : readKey(keyFile);
        CountDownLatch stopped = new CountDownLatch(1);
        CarrierSimulator sim = new CarrierSimulator(port, key, ledger);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "carrier-sim-shutdown"));
        System.out.println(sim.baseUri());
        System.out.flush();
        System.err.println("carrier-sim: OSMP check/pay at " + sim.osmpUri() + " (docs/carrier-osmp.md)");
        if (keyFile == null) {
            System.err.println("carrier-sim: using the development key '" + DEV_KEY + "' (--key-file to change)");
        }
        stopped.await();
        return 0;
    }

    static byte[] readKey(Path file) throws java.io.IOException {
        byte[] b = Files.readAllBytes(file);
        int n = b.length;
        if (n > 0 && b[n - 1] == '\n') {
            n--;
            if (n > 0 && b[n - 1] == '\r') {
                n--;
            }
        }
        if (n == 0) {
            throw new CommandLine.ParameterException(new CommandLine(new CarrierSimulatorMain()),
                    "--key-file " + file + " is empty; expected the HMAC key bytes");
        }
        return Arrays.copyOf(b, n);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CarrierSimulatorMain()).execute(args));
    }
}
