package org.topupkiosk.carrier.simulator;

import java.time.Clock;
import java.util.function.Function;
import org.topupkiosk.carrier.simulator.SimulatorApi.Request;
import org.topupkiosk.carrier.simulator.SimulatorApi.Response;
import org.topupkiosk.carrier.wire.RequestSigner;

/** The simulator's side of request signing: which kiosk sent a request, and whether its signature and clock hold. */
record SimAuth(Function<String, byte[]> keyOfKiosk, Clock clock) {

    /** Null when the request is signed by a kiosk we know, within the clock skew; else the 401 to answer. */
    Response check(Request r) {
        String kiosk = r.header().apply(RequestSigner.HEADER_KIOSK_ID);
        String ts = r.header().apply(RequestSigner.HEADER_TIMESTAMP);
        String sig = r.header().apply(RequestSigner.HEADER_SIGNATURE);
        if (kiosk == null || ts == null || sig == null) {
            return Response.error(401, "unsigned", "X-Kiosk-Id, X-Timestamp and X-Signature are required");
        }
        byte[] key = keyOfKiosk.apply(kiosk);
        if (key == null) {
            return Response.error(401, "unknown-kiosk", "kiosk " + kiosk + " has no key here");
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return Response.error(401, "bad-timestamp", "X-Timestamp must be epoch seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > RequestSigner.MAX_SKEW_SECONDS) {
            return Response.error(401, "stale-timestamp", "timestamp is " + skew + " s off, limit "
                    + RequestSigner.MAX_SKEW_SECONDS + " s");
        }
        if (!RequestSigner.verify(key, r.method(), r.pathWithQuery(), seconds, kiosk, r.body(), sig)) {
            return Response.error(401, "bad-signature", "signature does not match");
        }
        return null;
    }
}
