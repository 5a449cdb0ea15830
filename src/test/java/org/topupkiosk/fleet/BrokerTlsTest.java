package org.topupkiosk.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The shipped certificate configuration (kiosk-config/mosquitto/topup.conf with topup.acl) on a real Mosquitto, its
 * /etc paths and port 8883 pointed at a scratch CA and a free port: a kiosk connects with its client certificate,
 * the certificate's common name is its username for the ACL (so it publishes only under its own id), and a client
 * without a certificate, or with one the fleet's CA did not sign, does not connect at all.
 */
class BrokerTlsTest {

    private static final Path SHIPPED_CONF = Path.of("kiosk-config/mosquitto/topup.conf");

    private FleetPki pki;
    private MosquittoBroker broker;
    private String url;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is installed by .ci/run");
        assumeTrue(FleetPki.available(), "openssl is installed");
        pki = FleetPki.create(dir.resolve("pki"));
        int port = freePort();
        List<String> conf = new ArrayList<>();
        for (String line : Files.readAllLines(SHIPPED_CONF, StandardCharsets.UTF_8)) {
            conf.add(line.replace("/etc/mosquitto/certs/", pki.file("").toAbsolutePath() + "/")
                    .replace("/etc/mosquitto/topup.acl", BrokerAclTest.SHIPPED_ACL.toAbsolutePath().toString())
                    .replace("listener 8883", "listener " + port + " 127.0.0.1"));
        }
        assertThat(conf).as("the shipped topup.conf names the paths this test replaces")
                .contains("listener " + port + " 127.0.0.1")
                .anyMatch(l -> l.startsWith("acl_file " + BrokerAclTest.SHIPPED_ACL.toAbsolutePath()));
        broker = MosquittoBroker.start(dir.resolve("broker"), conf);
        url = "ssl://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() throws MqttException {
        for (MqttClient c : clients) {
            if (c.isConnected()) {
                c.disconnect();
            }
            c.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aKioskConnectsWithItsCertificateAndItsNameIsItsIdentity() throws Exception {
        BlockingQueue<String> office = BrokerAclTest.subscribe(connect(pki.context(pki.client("office")), "office"),
                "topup/+/state");
        MqttClient k1 = connect(pki.context(pki.client("K-001")), "K-001");
        k1.publish("topup/K-002/state", BrokerAclTest.bytes("forged by K-001"), 1, true);
        k1.publish("topup/K-001/state", BrokerAclTest.bytes("own"), 1, true);
        assertThat(office.poll(10, TimeUnit.SECONDS)).isEqualTo("topup/K-001/state=own");
        assertThat(office.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void noCertificateOrAStrangersCertificateDoesNotConnect() throws Exception {
        assertThatThrownBy(() -> connect(pki.context(null), "K-001")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(pki.context(pki.stranger("K-001")), "K-001"))
                .isInstanceOf(MqttException.class);
        assertThat(connect(pki.context(pki.client("K-001")), "K-001").isConnected()).isTrue();
    }

    private MqttClient connect(SSLContext tls, String clientId) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        clients.add(c);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        o.setSocketFactory(tls.getSocketFactory());
        c.connect(o);
        return c;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
