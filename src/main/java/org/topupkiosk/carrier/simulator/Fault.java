package org.topupkiosk.carrier.simulator;

/**
 * One kind of misbehaviour the simulator can inject (docs/carrier-api.md, "Fault injection"). Whether a fault
 * touches the ledger matters for the tests, so each says so.
 */
public sealed interface Fault {

    /** Wait this long, then answer normally. Combines with one other fault. */
    record Latency(long ms) implements Fault {
        public Latency {
            if (ms < 0) {
                throw new IllegalArgumentException("latency ms must be >= 0, got " + ms);
            }
        }
    }

    /** Hold the request for {@code holdMs} (longer than any client timeout), then drop the connection. Not applied. */
    record Timeout(long holdMs) implements Fault {
        public Timeout {
            if (holdMs < 0) {
                throw new IllegalArgumentException("timeout holdMs must be >= 0, got " + holdMs);
            }
        }
    }

    /** Answer this HTTP status with an error body, without processing the request. Not applied. */
    record HttpError(int status) implements Fault {
        public HttpError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("injected HTTP status must be 4xx or 5xx, got " + status);
            }
        }
    }

    /** Process the request normally (a payment IS applied), then answer 200 with the body cut in half: not JSON. */
    record Garbled() implements Fault {}

    /** A new payment is refused finally with this code (and recorded so); an account check answers payable=false. */
    record Refuse(String code) implements Fault {
        public Refuse {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("refusal code must not be blank");
            }
        }
    }

    /** Apply the request to the ledger, then answer 503 ({@code drop=false}) or drop the connection: unknown outcome. */
    record ApplyThenFail(boolean drop) implements Fault {}

    /**
     * Process the request normally (a payment IS applied), send the headers at once, then the body one byte every
     * {@code byteEveryMs}: a carrier (or a proxy) that dribbles its answer. A client without a whole-call deadline
     * waits for minutes; ours gives up at its deadline and asks again under the same txnId.
     */
    record SlowBody(long byteEveryMs) implements Fault {
        public SlowBody {
            if (byteEveryMs < 1) {
                throw new IllegalArgumentException("slow-body byteEveryMs must be >= 1, got " + byteEveryMs);
            }
        }
    }

    /**
     * Process the request normally (a payment IS applied), then answer 200 with one field of the payment answer
     * changed: {@code amount} (one rouble more), {@code currency} (USD) or {@code txnId} (another id). A lying or
     * buggy carrier, which the kiosk must never take for a success.
     */
    record WrongAnswer(String field) implements Fault {
        public WrongAnswer {
            if (!"amount".equals(field) && !"currency".equals(field) && !"txnId".equals(field)) {
                throw new IllegalArgumentException("wrong-answer field must be amount|currency|txnId, got '" + field + "'");
            }
        }
    }

    /**
     * OSMP only: answer this non-final result instead of the real one. {@code 1} (temporary error): nothing is applied;
     * {@code 90} (payment not finished): the payment is applied as usual and its answer withheld, so the kiosk's
     * repeat under the same {@code txn_id} learns how it ended. A counted rule makes a sequence of them.
     */
    record OsmpResult(int result) implements Fault {
        public OsmpResult {
            if (result != 1 && result != 90) {
                throw new IllegalArgumentException("osmp-result must be 1 or 90, got " + result);
            }
        }
    }

    static Fault latency(long ms) {
        return new Latency(ms);
    }

    /** A timeout that holds for 30 s, longer than any sane client timeout; closing the simulator releases it. */
    static Fault timeout() {
        return new Timeout(30_000);
    }

    static Fault httpError(int status) {
        return new HttpError(status);
    }

    static Fault garbled() {
        return new Garbled();
    }

    static Fault refuse(String code) {
        return new Refuse(code);
    }

    static Fault wrongAnswer(String field) {
        return new WrongAnswer(field);
    }

    static Fault slowBody(long byteEveryMs) {
        return new SlowBody(byteEveryMs);
    }

    static Fault applyThenFail(boolean drop) {
        return new ApplyThenFail(drop);
    }
}
