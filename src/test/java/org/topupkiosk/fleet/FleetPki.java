package org.topupkiosk.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fleet's certificates made with the openssl command line, the same commands docs/fleet.md gives an operator: a CA,
 * the broker's certificate (for 127.0.0.1 here), and a client certificate per kiosk whose common name is its kiosk id.
 * Keys are P-256 (quick to make); each client also as PKCS#12 for Java.
 */
final class FleetPki {

    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final String P12_PASSWORD = "changeit";

    private final Path dir;

    private FleetPki(Path dir) {
        this.dir = dir;
    }

    static boolean available() {
        return Files.isExecutable(OPENSSL);
    }

    /** A new CA and a broker certificate for 127.0.0.1 and localhost, under {@code dir}. */
    static FleetPki create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        FleetPki pki = new FleetPki(dir);
        pki.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "fleet-ca.key", "-out", "fleet-ca.crt", "-days", "2", "-subj", "/CN=TopUp fleet CA");
        Files.writeString(dir.resolve("broker.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        pki.signed("broker", "/CN=localhost", "broker.ext");
        return pki;
    }

    /** A client certificate with {@code cn} as its common name, signed by this CA; returns its PKCS#12 file. */
    Path client(String cn) throws IOException, InterruptedException {
        signed(cn, "/CN=" + cn, null);
        openssl("pkcs12", "-export", "-in", cn + ".crt", "-inkey", cn + ".key", "-out", cn + ".p12", "-passout",
                "pass:" + P12_PASSWORD);
        return dir.resolve(cn + ".p12");
    }

    /** A client certificate for {@code cn} signed by a CA of its own (self-signed), not this fleet's. */
    Path stranger(String cn) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                "stranger.key", "-out", "stranger.crt", "-days", "2", "-subj", "/CN=" + cn);
        openssl("pkcs12", "-export", "-in", "stranger.crt", "-inkey", "stranger.key", "-out", "stranger.p12",
                "-passout", "pass:" + P12_PASSWORD);
        return dir.resolve("stranger.p12");
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** TLS that trusts this CA and, when {@code p12} is not null, presents that client certificate. */
    SSLContext context(Path p12) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(file("fleet-ca.crt"))) {
            trust.setCertificateEntry("fleet-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (p12 != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                keys.load(in, P12_PASSWORD.toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, P12_PASSWORD.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private void signed(String name, String subject, String extFile) throws IOException, InterruptedException {
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                name + ".key", "-out", name + ".csr", "-subj", subject);
        List<String> sign = new ArrayList<>(List.of("x509", "-req", "-in", name + ".csr", "-CA", "fleet-ca.crt",
                "-CAkey", "fleet-ca.key", "-CAcreateserial", "-out", name + ".crt", "-days", "2"));
        if (extFile != null) {
            sign.addAll(List.of("-extfile", extFile));
        }
        openssl(sign.toArray(String[]::new));
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(OPENSSL.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }
}
