package org.topupkiosk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture itself: a retained message outlives a broker restart on the same port (persistence on stop). */
class MosquittoBrokerTest {

    @Test
    void retainedMessageSurvivesARestart(@TempDir Path dir) throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is installed by .ci/run");
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            MqttClient pub = new MqttClient(broker.url(), "fixture-pub", new MemoryPersistence());
            pub.connect();
            pub.publish("t/state", "hello".getBytes(StandardCharsets.UTF_8), 1, true);
            pub.disconnect();
            pub.close();
            broker.stop();
            assertThat(broker.running()).isFalse();
            broker.start();
            MqttClient sub = new MqttClient(broker.url(), "fixture-sub", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            sub.connect(o);
            BlockingQueue<String> got = new ArrayBlockingQueue<>(4);
            sub.subscribe("t/#", 1, (topic, m) -> got.add(topic + "=" + new String(m.getPayload(),
                    StandardCharsets.UTF_8) + (m.isRetained() ? " retained" : "")));
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("t/state=hello retained");
            sub.disconnect();
            sub.close();
        }
    }
}
