package org.topupkiosk.carrier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.WireFormatException;

/**
 * The simulator's fault switchboard, driven from tests ({@code simulator.faults()}) or over HTTP (POST/DELETE
 * /sim/faults). Rules are checked in the order they were added; a counted rule is used up by the requests it matches.
 * Probabilities draw from one seeded {@link Random}, so a chaos run with the same seed and the same request order
 * injects the same faults.
 */
public final class Faults {

    /** What to do with one request: a delay, then at most one other fault (null: answer normally). */
    record Plan(long latencyMs, Fault fault) {
        static final Plan NONE = new Plan(0, null);
    }

    private final List<FaultRule> rules = new ArrayList<>();
    private Random random = new Random(0);

    /** Inject {@code fault} into the next {@code count} requests to any /v1 path. */
    public Faults next(int count, Fault fault) {
        return next(count, fault, null);
    }

    /** Inject {@code fault} into the next {@code count} requests whose path starts with {@code pathPrefix}. */
    public Faults next(int count, Fault fault, String pathPrefix) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        return add(new FaultRule(fault, pathPrefix, count, 0));
    }

    /** Inject {@code fault} into each /v1 request with this probability, until {@link #clear()}. */
    public Faults withProbability(double probability, Fault fault) {
        return withProbability(probability, fault, null);
    }

    public Faults withProbability(double probability, Fault fault, String pathPrefix) {
        return add(new FaultRule(fault, pathPrefix, FaultRule.BY_PROBABILITY, probability));
    }

    public synchronized Faults add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    /** Restarts the random sequence used by probability rules. */
    public synchronized Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The rules still active, counted ones with what is left of their count. */
    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    synchronized Plan plan(String method, String path) {
        if (rules.isEmpty()) {
            return Plan.NONE;
        }
        long latency = 0;
        Fault chosen = null;
        for (ListIterator<FaultRule> it = rules.listIterator(); it.hasNext(); ) {
            FaultRule r = it.next();
            boolean isLatency = r.fault() instanceof Fault.Latency;
            if ((!isLatency && chosen != null) || !r.appliesTo(method, path)) {
                continue;
            }
            if (r.byProbability()) {
                if (random.nextDouble() >= r.probability()) {
                    continue;
                }
            } else {
                int left = r.remaining() - 1;
                if (left == 0) {
                    it.remove();
                } else {
                    it.set(new FaultRule(r.fault(), r.pathPrefix(), left, 0));
                }
            }
            if (r.fault() instanceof Fault.Latency l) {
                latency += l.ms();
            } else {
                chosen = r.fault();
            }
        }
        return new Plan(latency, chosen);
    }

    private static Fault osmpResult(int result) {
        try {
            return new Fault.OsmpResult(result);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    private static Fault wrongAnswer(String field) {
        try {
            return Fault.wrongAnswer(field);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    // JSON form used by /sim/faults (docs/carrier-api.md)

    /**
     * Adds the rule described by {@code {"fault": "latency|timeout|http|garbled|refuse|apply-then-fail|wrong-answer", "count": n |
     * "probability": p, "path": "/v1/payments", "seed": s, ...}} with the fault's own fields ms, holdMs, status, code,
     * drop, field.
     */
    FaultRule addJson(JsonNode n) {
        Fault fault = switch (CarrierJson.text(n, "fault")) {
            case "latency" -> Fault.latency(n.path("ms").asLong(0));
            case "timeout" -> new Fault.Timeout(n.path("holdMs").asLong(30_000));
            case "http" -> Fault.httpError(n.path("status").asInt(503));
            case "garbled" -> Fault.garbled();
            case "refuse" -> Fault.refuse(CarrierJson.text(n, "code"));
            case "apply-then-fail" -> Fault.applyThenFail(n.path("drop").asBoolean(false));
            case "wrong-answer" -> wrongAnswer(n.path("field").asText("amount"));
            case "slow-body" -> Fault.slowBody(Math.max(1, n.path("byteEveryMs").asLong(1000)));
            case "osmp-result" -> osmpResult(n.path("result").asInt(1));
            default -> throw new WireFormatException(
                    "'fault' must be latency|timeout|http|garbled|refuse|apply-then-fail|wrong-answer|slow-body|"
                            + "osmp-result, got '"
                            + n.get("fault").asText() + "'");
        };
        String path = CarrierJson.optionalText(n, "path");
        if (n.hasNonNull("seed")) {
            seed(n.get("seed").asLong());
        }
        FaultRule rule;
        try {
            rule = n.hasNonNull("probability")
                    ? new FaultRule(fault, path, FaultRule.BY_PROBABILITY, n.get("probability").asDouble())
                    : new FaultRule(fault, path, n.path("count").asInt(1), 0);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
        add(rule);
        return rule;
    }

    /** The same field names {@link #addJson} reads, so a listed rule can be posted back. */
    private static void describe(Fault f, ObjectNode j) {
        if (f instanceof Fault.Latency l) {
            j.put("fault", "latency").put("ms", l.ms());
        } else if (f instanceof Fault.Timeout t) {
            j.put("fault", "timeout").put("holdMs", t.holdMs());
        } else if (f instanceof Fault.HttpError h) {
            j.put("fault", "http").put("status", h.status());
        } else if (f instanceof Fault.Garbled) {
            j.put("fault", "garbled");
        } else if (f instanceof Fault.Refuse r) {
            j.put("fault", "refuse").put("code", r.code());
        } else if (f instanceof Fault.ApplyThenFail a) {
            j.put("fault", "apply-then-fail").put("drop", a.drop());
        } else if (f instanceof Fault.WrongAnswer w) {
            j.put("fault", "wrong-answer").put("field", w.field());
        } else if (f instanceof Fault.SlowBody s) {
            j.put("fault", "slow-body").put("byteEveryMs", s.byteEveryMs());
        } else if (f instanceof Fault.OsmpResult o) {
            j.put("fault", "osmp-result").put("result", o.result());
        }
    }

    ObjectNode toJson() {
        ObjectNode o = CarrierJson.object();
        ArrayNode arr = o.putArray("rules");
        for (FaultRule r : rules()) {
            ObjectNode j = arr.addObject();
            describe(r.fault(), j);
            j.put("path", r.pathPrefix());
            if (r.byProbability()) {
                j.put("probability", r.probability());
            } else {
                j.put("count", r.remaining());
            }
        }
        return o;
    }
}
