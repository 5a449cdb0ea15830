package org.topupkiosk.fleet.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.TelemetryJournal;

/**
 * Which audit rows the office hears of, and as what event ({@link org.topupkiosk.fleet.EventMessage}'s kinds): a
 * payment when it is submitted (outcome pending) and when the carrier confirmed or refused it; an encashment; the door
 * and the cash box; the bill acceptor's and the fiscal register's faults; the alarms the journal records (a carrier
 * answer that does not match, a payment in conflict); and every remote command's audit row. The payment's number is
 * masked as on receipts.
 */
final class EventMapper implements TelemetryJournal.Mapper {

    /** The audit row of a remote command (written by the agent), turned into a {@code command} event. */
    static final String COMMAND_AUDIT = "fleet_command";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<TelemetryJournal.NewEvent> map(AuditEntry row, Optional<Order> order) {
        Map<String, String> d = new LinkedHashMap<>();
        String kind;
        switch (row.kind()) {
            case "order_submitted", "order_confirmed", "order_refused" -> {
                if (order.isEmpty()) {
                    return Optional.empty();
                }
                kind = "payment";
                payment(d, order.get(), switch (row.kind()) {
                    case "order_confirmed" -> "confirmed";
                    case "order_refused" -> "refused";
                    default -> "pending";
                });
            }
            case "cash_encashed" -> {
                kind = "encashment";
                JsonNode data = tree(row.dataJson());
                int notes = 0;
                for (Iterator<JsonNode> it = data.path("notes").elements(); it.hasNext(); ) {
                    notes += it.next().asInt();
                }
                d.put("notes", Integer.toString(notes));
                d.put("amountMinor", Long.toString(data.path("total_minor").asLong()));
                d.put("currency", "RUB");
                d.put("number", data.path("number").asText());
            }
            case "door_opened", "door_closed" -> {
                kind = "door";
                d.put("state", row.kind().equals("door_opened") ? "open" : "closed");
            }
            case "cash_box_removed", "cash_box_inserted" -> {
                kind = "cash_box";
                d.put("state", row.kind().equals("cash_box_removed") ? "removed" : "inserted");
            }
            case "acceptor_fault", "acceptor_recovered", "fiscal_fault", "fiscal_recovered" -> {
                kind = "device_fault";
                boolean fault = row.kind().endsWith("_fault");
                d.put("device", row.kind().startsWith("acceptor") ? "bill_acceptor" : "fiscal_register");
                d.put("state", fault ? "fault" : "ok");
                JsonNode data = tree(row.dataJson());
                d.put("detail", data.path("code").asText(data.path("reason").asText("")));
            }
            case "carrier_answer_mismatch", "payment_conflict", "internal_error" -> {
                kind = "alarm";
                d.put("code", row.kind());
                d.put("detail", row.txnId() == null ? "" : "txn " + row.txnId());
            }
            case COMMAND_AUDIT -> {
                kind = "command";
                JsonNode data = tree(row.dataJson());
                for (String k : new String[]{"commandId", "type", "status", "reason"}) {
                    if (data.hasNonNull(k)) {
                        d.put(k, data.get(k).asText());
                    }
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new TelemetryJournal.NewEvent(kind, row.at(), write(d)));
    }

    private static void payment(Map<String, String> d, Order o, String outcome) {
        d.put("txnId", o.txnId());
        d.put("msisdn", o.msisdn() == null ? "" : o.msisdn().masked());
        d.put("amountMinor", Long.toString(o.amount() == null ? o.paid().minor() : o.amount().minor()));
        d.put("currency", o.cash().currency());
        d.put("outcome", outcome);
        d.put("service", o.kind());
    }

    static JsonNode tree(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String write(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (IOException e) {
            throw new IllegalStateException("event data not written as JSON", e);
        }
    }

    /** An event's data back as the string map the wire carries. */
    static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        tree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
