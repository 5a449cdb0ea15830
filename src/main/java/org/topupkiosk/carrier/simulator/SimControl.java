package org.topupkiosk.carrier.simulator;

import static org.topupkiosk.carrier.simulator.SimulatorApi.msisdn;
import static org.topupkiosk.carrier.simulator.SimulatorApi.queryParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topupkiosk.carrier.simulator.SimulatorApi.Request;
import org.topupkiosk.carrier.simulator.SimulatorApi.Response;
import org.topupkiosk.carrier.wire.CarrierJson;

/**
 * The simulator's control endpoints under /sim/ (unsigned, for tests and the operator): the ledger, the faults to
 * inject and the text messages a number received.
 */
record SimControl(SimLedger ledger, Faults faults, SimOtp otp) {

    Response handle(Request r) {
        String key = r.method() + " " + r.path();
        switch (key) {
            case "GET /sim/ledger" -> {
                ObjectNode o = CarrierJson.object();
                ArrayNode arr = o.putArray("payments");
                ledger.snapshot().values().forEach(e -> arr.add(SimLedger.toJson(e)));
                return Response.json(200, o);
            }
            case "GET /sim/faults" -> {
                return Response.json(200, faults.toJson());
            }
            case "POST /sim/faults" -> {
                faults.addJson(CarrierJson.parse(r.body()));
                return Response.json(200, faults.toJson());
            }
            case "GET /sim/sms" -> {
                String to = queryParam(r.query(), "msisdn");
                if (to == null) {
                    return Response.error(400, "bad-request", "?msisdn=+79XXXXXXXXX is required");
                }
                return Response.json(200, otp.inboxJson(msisdn(to)));
            }
            case "DELETE /sim/faults" -> {
                faults.clear();
                return Response.json(200, faults.toJson());
            }
            default -> {
                return Response.error(404, "no-route", "no endpoint " + key);
            }
        }
    }
}
