package org.topupkiosk.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.FleetJson.BadFleetMessage;

class FleetWireTest {

    private static final Instant T = Instant.parse("2026-12-07T07:00:00Z");
    private static final String H = "ab".repeat(32);

    private static StateMessage state() {
        return new StateMessage("K-001", true, StateMessage.OUT_OF_SERVICE, "paper_out",
                List.of(new StateMessage.Device("printer", "FAILED", "paper out")), "out",
                new StateMessage.CashBox(12, 1_200_00L, "RUB", 3), new StateMessage.Outbox(2, 40),
                new StateMessage.AuditMark(100, H), List.of(new StateMessage.AuditMark(64, H)), T,
                List.of("cash_box_full"), "0.1.0", T);
    }

    @Test
    void everyMessageSurvivesJson() {
        StateMessage s = state();
        assertThat(FleetJson.read(FleetJson.write(s), StateMessage.class)).isEqualTo(s);
        assertThat(new String(FleetJson.write(s), StandardCharsets.UTF_8)).contains("\"online\":true")
                .contains("\"timestamp\":\"2026-12-07T07:00:00Z\"");
        assertThat(FleetJson.read(FleetJson.write(s.offline()), StateMessage.class).online()).isFalse();
        EventMessage e = new EventMessage("K-001:7", "K-001", "payment", T,
                Map.of("txnId", "t1", "amountMinor", "50000", "outcome", "confirmed"));
        assertThat(FleetJson.read(FleetJson.write(e), EventMessage.class)).isEqualTo(e);
        CommandMessage c = new CommandMessage("c1", "K-001", CommandMessage.OUT_OF_SERVICE, Map.of("reason", "ремонт"),
                T, T.plusSeconds(300), "sig");
        assertThat(FleetJson.read(FleetJson.write(c), CommandMessage.class)).isEqualTo(c);
        AckMessage a = new AckMessage("c1", "K-001", AckMessage.REFUSED, "expired", T);
        assertThat(FleetJson.read(FleetJson.write(a), AckMessage.class)).isEqualTo(a);
    }

    @Test
    void badPayloadsAreTypedErrors() {
        for (String bad : List.of("", "{", "null", "[]", "{\"kioskId\":\"K 1\"}", "{\"kioskId\":\"K-1\",\"mode\":\"x\"}",
                "{\"id\":\"a\",\"kioskId\":\"K-1\",\"kind\":\"payment\",\"at\":\"yesterday\"}")) {
            assertThatThrownBy(() -> FleetJson.read(bad.getBytes(StandardCharsets.UTF_8), StateMessage.class))
                    .as(bad).isInstanceOf(BadFleetMessage.class);
        }
        assertThatThrownBy(() -> FleetJson.read(new byte[FleetJson.MAX_BYTES + 1], EventMessage.class))
                .isInstanceOf(BadFleetMessage.class).hasMessageContaining("over the limit");
    }

    @Test
    void onlyTheOfficeKeyOverTheSameBytesVerifies(@TempDir Path dir) throws Exception {
        KeyPair office = FleetKeys.generate();
        CommandMessage c = new CommandMessage("c1", "K-001", CommandMessage.CATALOG, Map.of("catalog", "a: 1\nb: 2"),
                T, T.plusSeconds(60), null);
        assertThat(FleetKeys.verify(c, office.getPublic())).as("unsigned").isFalse();
        CommandMessage signed = FleetKeys.sign(c, office.getPrivate());
        assertThat(FleetKeys.verify(signed, office.getPublic())).isTrue();
        assertThat(FleetKeys.verify(new CommandMessage("c1", "K-002", c.type(), c.args(), T, T.plusSeconds(60),
                signed.signature()), office.getPublic())).as("other kiosk").isFalse();
        assertThat(FleetKeys.verify(new CommandMessage("c1", "K-001", c.type(), Map.of("catalog", "a: 1\nb: 3"), T,
                T.plusSeconds(60), signed.signature()), office.getPublic())).as("other argument").isFalse();
        assertThat(FleetKeys.verify(new CommandMessage("c1", "K-001", c.type(), c.args(), T, T.plusSeconds(61),
                signed.signature()), office.getPublic())).as("longer expiry").isFalse();
        assertThat(FleetKeys.verify(signed, FleetKeys.generate().getPublic())).as("other key").isFalse();
        assertThat(FleetKeys.verify(signed.signed("not base64!"), office.getPublic())).isFalse();

        Path pub = dir.resolve("office.pub");
        Path key = dir.resolve("office.key");
        Files.writeString(pub, FleetKeys.publicPem(office.getPublic()));
        Files.writeString(key, FleetKeys.privatePem(office.getPrivate()));
        assertThat(FleetKeys.verify(FleetKeys.sign(c, FleetKeys.readPrivate(key)), FleetKeys.readPublic(pub))).isTrue();
        assertThatThrownBy(() -> FleetKeys.readPublic(key)).hasMessageContaining("PUBLIC KEY");
    }

    @Test
    void topicsRouteOnlyTheirOwnLevels() {
        FleetTopics t = FleetTopics.standard();
        assertThat(t.state("K-001")).isEqualTo("topup/K-001/state");
        assertThat(t.route("topup/K-001/cmd/ack")).contains(new FleetTopics.Route("K-001", FleetTopics.Kind.ACK));
        assertThat(t.route("topup/K-001/other")).isEmpty();
        assertThat(t.route("other/K-001/state")).isEmpty();
        assertThat(t.route("topup/+/state")).isEmpty();
        assertThatThrownBy(() -> t.state("K/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FleetTopics("a/#")).isInstanceOf(IllegalArgumentException.class);
    }
}
