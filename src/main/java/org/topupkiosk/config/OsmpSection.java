package org.topupkiosk.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.topupkiosk.config.KioskConfig.Adapter;
import org.topupkiosk.config.KioskConfig.Simulator;

/**
 * {@code carrier.osmp}: where an OSMP provider is and which owner-only files hold the kiosk's credentials for it
 * (docs/carrier-osmp.md). The files are read at start (app.OsmpCredentials); here only their names are checked.
 */
final class OsmpSection {

    private OsmpSection() {}

    static KioskConfig.Osmp parse(Section s, Adapter adapter, Simulator simulator, Path baseDir) {
        Optional<URI> url = Optional.empty();
        String urlText = s.text("url", null);
        if (urlText != null) {
            String why = KioskConfigParser.urlProblem(urlText);
            if (why != null) {
                s.problem("url", "\"" + urlText + "\" " + why.replace("https://carrier.example.ru/api",
                        "https://provider.example.ru/osmp"));
            } else {
                url = Optional.of(URI.create(urlText.strip()));
            }
        } else if (adapter == Adapter.OSMP && simulator == Simulator.NONE) {
            s.problem("url", "is missing (required with adapter: osmp and simulator: none; expected e.g. "
                    + "https://provider.example.ru/osmp)");
        }
        Optional<Path> basic = path(s, "basicAuthFile", baseDir);
        Optional<Path> cert = path(s, "clientCertFile", baseDir);
        Optional<Path> certPassword = path(s, "clientCertPasswordFile", baseDir);
        Optional<Path> trust = path(s, "trustFile", baseDir);
        if (certPassword.isPresent() && cert.isEmpty()) {
            s.problem("clientCertPasswordFile", "is set without clientCertFile (expected both, or neither)");
        }
        boolean plainHttp = url.isPresent() && "http".equalsIgnoreCase(url.get().getScheme());
        if (plainHttp && cert.isPresent()) {
            s.problem("clientCertFile", "needs an https url; carrier.osmp.url is plain http");
        }
        if (plainHttp && trust.isPresent()) {
            s.problem("trustFile", "needs an https url; carrier.osmp.url is plain http");
        }
        s.finish();
        return new KioskConfig.Osmp(url, basic, cert, certPassword, trust);
    }

    private static Optional<Path> path(Section s, String key, Path baseDir) {
        String text = s.text(key, null);
        if (text == null) {
            return Optional.empty();
        }
        if (text.isBlank()) {
            s.problem(key, "is empty (expected a file path)");
            return Optional.empty();
        }
        try {
            return Optional.of(baseDir.resolve(text.strip()).normalize());
        } catch (InvalidPathException e) {
            s.problem(key, "\"" + text + "\" is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }
}
