package org.topupkiosk.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import org.topupkiosk.app.systemd.SdNotify;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.LoadedConfig;

/**
 * Starts the kiosk window: {@code KioskMain [--config kiosk-config/kiosk.yaml] [--measure-start]}. A plain main, so
 * the JVM can start it from the class path without the JavaFX launcher check. The core (configuration, journal,
 * simulator, devices) is built on a second thread while JavaFX starts, which takes a third off the cold start.
 */
public final class KioskMain {

    /** The core being built for {@link KioskApp}; JavaFX creates the Application itself, so it is handed over here. */
    static volatile CompletableFuture<Booted> booting;

    /** Every thread's uncaught-exception policy; {@link KioskApp} attaches the kiosk flow once it runs. */
    static volatile FailurePolicy failures;

    /** systemd's notify socket when the kiosk runs as a {@code Type=notify} service; {@link SdNotify#OFF} otherwise. */
    static volatile SdNotify notify = SdNotify.OFF;

    record Booted(LoadedConfig config, KioskCore core) {}

    private KioskMain() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        int i = list.indexOf("--config");
        Path configFile = Path.of(i >= 0 && i + 1 < args.length ? args[i + 1] : "kiosk-config/kiosk.yaml");
        // First of all, so no thread (flow, screen, devices) can fail unnoticed: an exception takes the kiosk out of
        // service, an Error ends the process with a non-zero status for the supervisor to restart it.
        failures = FailurePolicy.install(System::exit);
        notify = SdNotify.fromEnvironment();
        notify.send("STATUS=starting: configuration, journal, devices");
        booting = CompletableFuture.supplyAsync(() -> {
            try {
                LoadedConfig loaded = ConfigLoader.load(configFile);
                return new Booted(loaded, new KioskCore(loaded, configFile, KioskCore.Options.defaults()));
            } catch (ConfigException e) {
                throw new CompletionException(e);
            }
        });
        Application.launch(KioskApp.class, args);
    }
}
