package org.topupkiosk.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * The shipped ACL (kiosk-config/mosquitto/topup.acl) on a real Mosquitto with a password file and no anonymous
 * access: a kiosk publishes only under its own id, reads only its own commands, never writes commands; the office
 * reads every kiosk and writes commands. Denied publishes are dropped silently by the broker (MQTT 3.1.1 has no
 * refusal for a PUBLISH), so each check sends the forbidden message first and an allowed one after it on the same
 * connection: the broker keeps one connection's order, so when the allowed one has arrived the forbidden one would
 * have arrived before it.
 */
class BrokerAclTest {

    static final Path SHIPPED_ACL = Path.of("kiosk-config/mosquitto/topup.acl");
    private static final long WAIT_S = 10;

    private MosquittoBroker broker;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is installed by .ci/run");
        Path passwd = MosquittoBroker.passwordFile(dir.resolve("topup.passwd"), "office", "office-secret");
        MosquittoBroker.addUser(passwd, "K-001", "k1-secret");
        MosquittoBroker.addUser(passwd, "K-002", "k2-secret");
        broker = MosquittoBroker.start(dir.resolve("broker"), List.of("allow_anonymous false",
                "password_file " + passwd.toAbsolutePath(), "acl_file " + SHIPPED_ACL.toAbsolutePath()));
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
    void aKioskPublishesOnlyUnderItsOwnId() throws Exception {
        BlockingQueue<String> office = subscribe(connect("office", "office-secret"), "topup/+/state");
        MqttClient k1 = connect("K-001", "k1-secret");
        k1.publish("topup/K-002/state", bytes("forged by K-001"), 1, true);
        k1.publish("topup/K-001/state", bytes("own"), 1, true);
        assertThat(office.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("topup/K-001/state=own");
        assertThat(office.poll(300, TimeUnit.MILLISECONDS)).isNull();
        // Nor was the forgery kept as K-002's retained state: a new subscriber sees only K-001's.
        BlockingQueue<String> late = subscribe(connect("office", "office-secret", "office-late"), "topup/+/state");
        assertThat(late.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("topup/K-001/state=own");
        assertThat(late.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aKioskReadsOnlyItsOwnCommands() throws Exception {
        MqttClient k1 = connect("K-001", "k1-secret");
        BlockingQueue<String> k1got = subscribe(k1, "topup/K-002/cmd", "topup/K-001/cmd");
        MqttClient office = connect("office", "office-secret");
        office.publish("topup/K-002/cmd", bytes("for K-002"), 1, false);
        office.publish("topup/K-001/cmd", bytes("for K-001"), 1, false);
        assertThat(k1got.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("topup/K-001/cmd=for K-001");
        assertThat(k1got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aKioskCannotPublishCommandsOnlyTheOfficeCan() throws Exception {
        BlockingQueue<String> k2got = subscribe(connect("K-002", "k2-secret"), "topup/K-002/cmd");
        MqttClient k1 = connect("K-001", "k1-secret");
        BlockingQueue<String> k1got = subscribe(k1, "topup/K-001/cmd");
        k1.publish("topup/K-002/cmd", bytes("forged command"), 1, false);
        k1.publish("topup/K-001/cmd", bytes("self-made command"), 1, false);
        BlockingQueue<String> acks = subscribe(connect("office", "office-secret"), "topup/+/cmd/ack");
        k1.publish("topup/K-001/cmd/ack", bytes("ack"), 1, false);
        assertThat(acks.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("topup/K-001/cmd/ack=ack");
        connect("office", "office-secret", "office-2").publish("topup/K-002/cmd", bytes("real"), 1, false);
        assertThat(k2got.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("topup/K-002/cmd=real");
        assertThat(k1got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theOfficeCannotPretendToBeAKiosk() throws Exception {
        BlockingQueue<String> watch = subscribe(connect("office", "office-secret"), "topup/+/state", "topup/+/events");
        MqttClient office = connect("office", "office-secret", "office-2");
        office.publish("topup/K-001/state", bytes("forged by the office"), 1, true);
        connect("K-001", "k1-secret").publish("topup/K-001/events", bytes("event"), 1, false);
        assertThat(watch.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("topup/K-001/events=event");
        assertThat(watch.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anonymousAndWrongPasswordsAreRefused() {
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                        .isIn((int) MqttException.REASON_CODE_NOT_AUTHORIZED,
                                (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        assertThatThrownBy(() -> connect("K-001", "k2-secret")).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                        .isIn((int) MqttException.REASON_CODE_NOT_AUTHORIZED,
                                (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    private MqttClient connect(String user, String password) throws MqttException {
        return connect(user, password, user == null ? "anonymous" : user);
    }

    private MqttClient connect(String user, String password, String clientId) throws MqttException {
        MqttClient c = new MqttClient(broker.url(), clientId, new MemoryPersistence());
        clients.add(c);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        c.connect(o);
        return c;
    }

    static BlockingQueue<String> subscribe(MqttClient c, String... filters) throws MqttException {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        for (String f : filters) {
            c.subscribe(f, 1, (topic, m) -> got.add(topic + "=" + new String(m.getPayload(), StandardCharsets.UTF_8)));
        }
        return got;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
