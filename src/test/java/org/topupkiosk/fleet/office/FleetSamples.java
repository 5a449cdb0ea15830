package org.topupkiosk.fleet.office;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.fleet.StateMessage.AuditMark;

/** Contract records as a kiosk would publish them, for the office's tests. */
final class FleetSamples {

    private FleetSamples() {
    }

    /** A chain's hash at a row count: a function of (history, count), so another history gives other hashes. */
    static String hash(String history, long count) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((history + "/" + count)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditMark mark(String history, long count) {
        return new AuditMark(count, hash(history, count));
    }

    /** The anchors a kiosk sends: each power of two below the head. */
    static List<AuditMark> anchors(String history, long head) {
        ArrayList<AuditMark> a = new ArrayList<>();
        for (long c = 1; c < head; c <<= 1) {
            a.add(mark(history, c));
        }
        return a;
    }

    static StateMessage state(String id, String mode, String reason, long head, String history, Instant at) {
        return new StateMessage(id, true, mode, reason,
                List.of(new StateMessage.Device("bill_acceptor", "OK", null),
                        new StateMessage.Device("printer", "OK", null)),
                "ok", new StateMessage.CashBox(42, 420_000, "RUB", 35), new StateMessage.Outbox(1, 12),
                mark(history, head), anchors(history, head), at.minusSeconds(30), List.of(), "1.4.0", at);
    }

    static StateMessage inService(String id, long head, Instant at) {
        return state(id, StateMessage.IN_SERVICE, null, head, "real", at);
    }

    static EventMessage payment(String kioskId, String eventId, long amountMinor, Instant at) {
        return new EventMessage(eventId, kioskId, "payment", at, Map.of("txnId", "T-" + eventId, "msisdn",
                "+7 916 ***-**-67", "amountMinor", Long.toString(amountMinor), "currency", "RUB", "outcome",
                "confirmed", "service", "mts"));
    }

    static byte[] json(Object o) {
        return FleetJson.write(o);
    }
}
