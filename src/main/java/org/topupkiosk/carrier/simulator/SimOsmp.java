package org.topupkiosk.carrier.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.osmp.OsmpAnswer;
import org.topupkiosk.carrier.osmp.OsmpGarbledException;
import org.topupkiosk.carrier.osmp.OsmpResults;
import org.topupkiosk.carrier.osmp.OsmpXml;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulator's OSMP endpoint ({@code GET /osmp?command=check|pay&txn_id=...}, docs/carrier-osmp.md) over the same
 * ledger and rules as the REST API. The ledger is keyed by the numeric {@code txn_id}. A repeated pay with the same
 * {@code txn_id} answers from the ledger and never pays twice: the first answer, or for a payment that was still
 * being processed ({@code 90}), how it ended. A repeat with another account or sum gets the first payment's answer
 * (its sum), which the kiosk must take for an alarm.
 */
final class SimOsmp {

    private static final Logger log = LoggerFactory.getLogger(SimOsmp.class);
    private static final DateTimeFormatter TXN_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private final SimLedger ledger;

    SimOsmp(SimLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Answers one request. {@code forcedRefusal} (a refusal fault: one of our refusal codes, or an OSMP result
     * number) refuses a new payment or a check finally; {@code interim} (1 or 90, a result fault) is answered instead
     * of the result: 1 before anything is applied, 90 after the payment was applied normally.
     */
    SimulatorApi.Response handle(SimulatorApi.Request r, String forcedRefusal, Integer interim) {
        if (!"GET".equals(r.method())) {
            return empty(405);
        }
        String command = SimulatorApi.queryParam(r.query(), "command");
        String txn = SimulatorApi.queryParam(r.query(), "txn_id");
        if (txn == null || !txn.matches("[0-9]{1,20}")) {
            return empty(400);
        }
        if (interim != null && interim == OsmpResults.TEMPORARY) {
            return answer(new OsmpAnswer(txn, null, null, OsmpResults.TEMPORARY, "temporary error (injected)"));
        }
        String account = SimulatorApi.queryParam(r.query(), "account");
        if (account == null || !account.matches("[0-9]{10}") || !account.startsWith("9")) {
            return answer(new OsmpAnswer(txn, null, null, 4, "wrong account format"));
        }
        Long sum = sum(SimulatorApi.queryParam(r.query(), "sum"));
        if (sum == null) {
            return answer(new OsmpAnswer(txn, null, null, 300, "sum must be roubles with 2 decimals"));
        }
        Msisdn msisdn = new Msisdn("+7" + account);
        if ("check".equals(command)) {
            return check(txn, msisdn, sum, forcedRefusal);
        }
        if ("pay".equals(command)) {
            Instant date = txnDate(SimulatorApi.queryParam(r.query(), "txn_date"));
            if (date == null) {
                return answer(new OsmpAnswer(txn, null, null, 300, "txn_date must be YYYYMMDDHHMMSS"));
            }
            return pay(txn, msisdn, new Money(sum, Money.RUB), date, forcedRefusal, interim);
        }
        return answer(new OsmpAnswer(txn, null, null, 300, "unknown command"));
    }

    private SimulatorApi.Response check(String txn, Msisdn msisdn, long sum, String forcedRefusal) {
        AccountCheck c = PaymentRules.check(msisdn);
        String refusal = forcedRefusal != null ? forcedRefusal : c.refusalCode();
        if (refusal != null) {
            return answer(new OsmpAnswer(txn, null, null, result(refusal, sum), "refused: " + refusal));
        }
        return answer(new OsmpAnswer(txn, null, null, OsmpResults.OK, "OK"));
    }

    private SimulatorApi.Response pay(String txn, Msisdn msisdn, Money amount, Instant date, String forcedRefusal,
                                      Integer interim) {
        String operator = NumberPlan.operatorOf(msisdn);
        PaymentRequest req = new PaymentRequest(txn, msisdn, operator, amount, null, date);
        SimLedger.Offer offer = ledger.offer(req, () -> forcedRefusal != null
                ? PaymentRules.Decision.refuse(forcedRefusal, "refused (injected)") : PaymentRules.decide(req));
        LedgerEntry e;
        if (offer instanceof SimLedger.Created cr) {
            e = cr.entry();
        } else {
            // A repeat is OSMP's status query: a payment still being processed is looked at (and so finishes).
            LedgerEntry first = offer instanceof SimLedger.Repeat rp ? rp.entry() : ((SimLedger.Conflict) offer).existing();
            e = first.status() == PaymentResult.Status.ACCEPTED ? ledger.lookup(txn) : first;
            if (offer instanceof SimLedger.Conflict) {
                log.warn("osmp txn_id={} repeated with another account or sum: answering the first payment", txn);
            }
        }
        if (e.status() == PaymentResult.Status.ACCEPTED || (interim != null && e.appliedCount() > 0)) {
            return answer(new OsmpAnswer(txn, null, e.amount().minor(), OsmpResults.NOT_FINISHED,
                    "payment not finished"));
        }
        if (e.status() == PaymentResult.Status.REFUSED) {
            return answer(new OsmpAnswer(txn, null, e.amount().minor(), result(e.refusalCode(), e.amount().minor()),
                    "refused: " + e.refusalCode()));
        }
        return answer(new OsmpAnswer(txn, e.carrierRef(), e.amount().minor(), OsmpResults.OK, "OK"));
    }

    /** The OSMP result for one of our refusal codes; a refusal fault may also name the OSMP number itself. */
    static int result(String refusal, long sumMinor) {
        if (refusal.matches("[0-9]{1,4}")) {
            return Integer.parseInt(refusal);
        }
        if (refusal.matches("osmp-[0-9]{1,4}")) {
            return Integer.parseInt(refusal.substring(5));
        }
        return switch (refusal) {
            case "unknown-number" -> 5;
            case "account-blocked" -> 79;
            case "amount-out-of-range" -> sumMinor < PaymentRules.MIN_AMOUNT.minor() ? 241 : 242;
            case "provider-unavailable" -> 8;
            case "account-state-unknown" -> 243;
            default -> 300;
        };
    }

    private static Long sum(String text) {
        if (text == null || !text.matches("[0-9]{1,12}\\.[0-9]{2}")) {
            return null;
        }
        return Long.parseLong(text.replace(".", ""));
    }

    private static Instant txnDate(String text) {
        if (text == null || !text.matches("[0-9]{14}")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, TXN_DATE).atZone(ZoneId.of("UTC")).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The wrong-answer fault on an OSMP answer: {@code amount} or {@code currency} answers a sum one rouble more,
     * {@code txnId} another {@code osmp_txn_id}. An answer that is not a readable OSMP document goes out as it is.
     */
    static SimulatorApi.Response wrongAnswer(SimulatorApi.Response real, String field) {
        OsmpAnswer a;
        try {
            a = OsmpXml.parse(real.body());
        } catch (OsmpGarbledException e) {
            return real;
        }
        String txn = a.osmpTxnId();
        OsmpAnswer wrong = "txnId".equals(field)
                ? new OsmpAnswer(txn.length() < 20 ? txn + "7" : "1" + txn.substring(1), a.prvTxn(), a.sumMinor(),
                        a.result(), a.comment())
                : new OsmpAnswer(txn, a.prvTxn(), (a.sumMinor() == null ? 0 : a.sumMinor()) + 100, a.result(),
                        a.comment());
        log.info("fault=wrong-answer field={} osmp_txn_id={}", field, txn);
        return new SimulatorApi.Response(real.status(), OsmpXml.render(wrong));
    }

    static SimulatorApi.Response answer(OsmpAnswer a) {
        return new SimulatorApi.Response(200, OsmpXml.render(a));
    }

    private static SimulatorApi.Response empty(int status) {
        return new SimulatorApi.Response(status, new byte[0]);
    }
}
