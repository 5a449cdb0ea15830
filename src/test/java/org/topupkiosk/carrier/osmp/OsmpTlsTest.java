package org.topupkiosk.carrier.osmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.app.OsmpCredentials;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * A provider over real TLS on loopback that requires a client certificate and HTTP Basic: the JDK's HttpsServer with
 * key material keytool makes at test time. The kiosk's credentials come through the config layer, from owner-only
 * files, as in production.
 */
class OsmpTlsTest {

    private static final String PW = "changeit";
    @TempDir
    static Path keys;
    private HttpsServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void makeKeys() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=provider.test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", "server.p12", "-storepass", PW, "-keypass", PW);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", "server.p12", "-storepass", PW, "-file",
                "provider-ca.pem");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=kiosk-0042", "-validity", "2", "-storetype", "PKCS12", "-keystore", "client.p12", "-storepass",
                PW, "-keypass", PW);
        keytool("-exportcert", "-rfc", "-alias", "client", "-keystore", "client.p12", "-storepass", PW, "-file",
                "client.crt");
        keytool("-importcert", "-noprompt", "-alias", "kiosk", "-file", "client.crt", "-storetype", "PKCS12",
                "-keystore", "server-trust.p12", "-storepass", PW);
        // The same client key as PEM: chain and unencrypted PKCS#8 key in one file.
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("client.p12"))) {
            ks.load(in, PW.toCharArray());
        }
        StringBuilder pem = new StringBuilder();
        for (Certificate c : ks.getCertificateChain("client")) {
            pem.append(pemBlock("CERTIFICATE", c.getEncoded()));
        }
        pem.append(pemBlock("PRIVATE KEY", ks.getKey("client", PW.toCharArray()).getEncoded()));
        ownerOnly(Files.writeString(keys.resolve("client.pem"), pem));
        ownerOnly(keys.resolve("client.p12"));
        ownerOnly(Files.writeString(keys.resolve("client.pw"), PW + "\n"));
        ownerOnly(Files.writeString(keys.resolve("basic"), "agent42:s3cret\n"));
        ownerOnly(Files.writeString(keys.resolve("basic-wrong"), "agent42:guess\n"));
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Path ownerOnly(Path p) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(keys.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
    }

    @BeforeEach
    void startProvider() throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("server.p12"))) {
            serverKeys.load(in, PW.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("server-trust.p12"))) {
            trusted.load(in, PW.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PW.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/osmp", ex -> {
            String peer = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(peer + " " + auth);
            String expected = "Basic " + Base64.getEncoder().encodeToString("agent42:s3cret".getBytes(StandardCharsets.UTF_8));
            String query = ex.getRequestURI().getRawQuery();
            String txn = query.replaceAll(".*txn_id=([0-9]+).*", "$1");
            byte[] body = expected.equals(auth)
                    ? OsmpXml.render(new OsmpAnswer(txn, "PRV-" + txn.substring(txn.length() - 3),
                            query.contains("command=pay") ? 25_000L : null, 0, "OK"))
                    : new byte[0];
            ex.sendResponseHeaders(expected.equals(auth) ? 200 : 401, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/osmp");
    }

    private OsmpCarrierGateway gateway(String cert, String certPw, String basic, boolean trust) throws ConfigException {
        KioskConfig.Osmp osmp = new KioskConfig.Osmp(Optional.of(url()),
                Optional.ofNullable(basic).map(keys::resolve), Optional.ofNullable(cert).map(keys::resolve),
                Optional.ofNullable(certPw).map(keys::resolve),
                trust ? Optional.of(keys.resolve("provider-ca.pem")) : Optional.empty());
        return new OsmpCarrierGateway(url(), OsmpCredentials.load(osmp, keys.resolve("kiosk.yaml")),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Clock.systemUTC());
    }

    private static PaymentRequest payment(String numeric) {
        return new PaymentRequest("0042-t-" + numeric, Msisdn.of("+79161234567"), "mts", Money.rub(250), null,
                Instant.parse("2026-11-21T10:15:30Z")).withNumericTxnId(numeric);
    }

    @Test
    void pkcs12ClientCertificateAndBasicReachTheProvider() throws Exception {
        OsmpCarrierGateway gw = gateway("client.p12", "client.pw", "basic", true);
        assertThat(gw.checkAccount(Msisdn.of("+79161234567"), "mts").payable()).isTrue();
        PaymentResult r = gw.pay(payment("1000000000000000101"));
        assertThat(r.status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(r.carrierRef()).isEqualTo("PRV-101");
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("CN=kiosk-0042 Basic "));
    }

    @Test
    void aPemClientCertificateWorksTheSame() throws Exception {
        PaymentResult r = gateway("client.pem", null, "basic", true).pay(payment("1000000000000000102"));
        assertThat(r.status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(seen).singleElement().asString().startsWith("CN=kiosk-0042");
    }

    @Test
    void withoutAClientCertificateTheProviderNeverSeesTheRequest() throws Exception {
        OsmpCarrierGateway gw = gateway(null, null, "basic", true);
        assertThatThrownBy(() -> gw.pay(payment("1000000000000000103"))).isInstanceOfSatisfying(
                CarrierException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(seen).isEmpty();
    }

    @Test
    void anUnknownServerCertificateIsRefusedBeforeAnythingIsSent() throws Exception {
        OsmpCarrierGateway gw = gateway("client.p12", "client.pw", "basic", false);
        assertThatThrownBy(() -> gw.pay(payment("1000000000000000104"))).isInstanceOfSatisfying(
                CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNREACHABLE);
                    assertThat(e.code()).isEqualTo("tls");
                });
        assertThat(seen).isEmpty();
    }

    @Test
    void refusedCredentialsAreAProtocolErrorNotARefusal() throws Exception {
        OsmpCarrierGateway gw = gateway("client.p12", "client.pw", "basic-wrong", true);
        assertThatThrownBy(() -> gw.pay(payment("1000000000000000105"))).isInstanceOfSatisfying(
                CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.PROTOCOL);
                    assertThat(e.code()).isEqualTo("http-401");
                });
    }

    @Test
    void aWrongPkcs12PasswordIsAConfigErrorNamingTheKey() throws Exception {
        ownerOnly(Files.writeString(keys.resolve("wrong.pw"), "nope\n"));
        assertThatThrownBy(() -> gateway("client.p12", "wrong.pw", null, true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("carrier.osmp.clientCertFile").hasMessageNotContaining("nope");
    }
}
