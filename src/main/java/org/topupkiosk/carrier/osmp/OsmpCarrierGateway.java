package org.topupkiosk.carrier.osmp;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.Capability;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierException.Kind;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * {@link CarrierGateway} over the OSMP check/pay protocol (docs/carrier-osmp.md): {@code GET url?command=check|pay&...}
 * answered by a small XML document ({@link OsmpXml}). It can check a number and pay a top-up; everything else keeps
 * the interface's final {@code unsupported}.
 *
 * <p>OSMP has no status call. Its status query is the payment itself sent again under the same {@code txn_id}: the
 * provider promises that a repeat returns the first answer and never pays twice. The outbox already does exactly that
 * for every unknown outcome (it retries {@link #pay} with the request it froze at submit), so result 1 and 90 are
 * {@link Kind#UNKNOWN_OUTCOME}, and {@link #status} refuses, as nothing can ask by the kiosk's id alone.
 *
 * <p>An answer about another {@code txn_id} or another sum is passed on with what it said (the outbox's answer check
 * raises the alarm and asks again); it is logged here at error too. It is never a success.
 */
public final class OsmpCarrierGateway implements CarrierGateway {

    private static final Logger log = LoggerFactory.getLogger(OsmpCarrierGateway.class);
    private static final DateTimeFormatter TXN_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    /** The sum a check carries: OSMP's check names one, though no money moves. 241/242 on it still means payable. */
    static final long CHECK_SUM_MINOR = 10_000;

    private final OsmpHttp http;
    private final Clock clock;
    /**
     * Check ids: milliseconds times 1000 plus a counter, 16 digits today; payment ids are 19 digits (at least
     * 10^18, see the journal's numeric ids), so a check never reuses a payment's {@code txn_id}.
     */
    private final AtomicLong checkIds;

    public OsmpCarrierGateway(URI url, OsmpAuth auth, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(url.getHost()))) {
            throw new IllegalArgumentException("OSMP url must be https (or http to this machine), got " + url);
        }
        if (scheme.equals("http") && auth.hasTls()) {
            throw new IllegalArgumentException("a client certificate or CA needs an https url, got " + url);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new OsmpHttp(url, auth, connectTimeout, requestTimeout);
        this.checkIds = new AtomicLong(clock.millis() * 1_000);
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public Duration callDeadline() {
        return http.callDeadline();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.CHECK_ACCOUNT, Capability.TOP_UP);
    }

    @Override
    public AccountCheck checkAccount(Msisdn msisdn, String operatorId) throws CarrierException {
        Objects.requireNonNull(msisdn, "msisdn");
        String txn = Long.toString(checkIds.incrementAndGet());
        String query = "command=check&txn_id=" + txn + "&account=" + msisdn.national()
                + "&sum=" + OsmpXml.roubles(CHECK_SUM_MINOR);
        OsmpAnswer a = answer("check", http.get("check", query));
        if (!txn.equals(a.osmpTxnId())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", "check answer for txn " + a.osmpTxnId()
                    + ", asked for " + txn);
        }
        if (OsmpResults.unknownOutcome(a.result())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "osmp-" + a.result(), "check: result " + a.result()
                    + comment(a));
        }
        if (a.result() == OsmpResults.OK || OsmpResults.sumOnly(a.result())) {
            return new AccountCheck(msisdn, operatorId, true, null, null, null);
        }
        String code = OsmpResults.refusalCode(a.result());
        log.info("osmp check refused number={} result={} code={}", msisdn, a.result(), code);
        return new AccountCheck(msisdn, operatorId, false, code, null, null);
    }

    @Override
    public PaymentResult pay(PaymentRequest request) throws CarrierException {
        Objects.requireNonNull(request, "request");
        if (request.goods() != null || request.productId() != null) {
            throw new CarrierException(Kind.PROTOCOL, "unsupported", "OSMP pays top-ups by amount only, not "
                    + (request.goods() != null ? request.goods().wire() : "package " + request.productId()));
        }
        if (!Money.RUB.equals(request.amount().currency())) {
            throw new CarrierException(Kind.PROTOCOL, "unsupported", "OSMP sums are roubles, got "
                    + request.amount().currency());
        }
        String txn = request.numericTxnId();
        if (txn == null) {
            throw new CarrierException(Kind.PROTOCOL, "no-numeric-txn-id", "payment " + request.txnId()
                    + " has no numeric transaction id");
        }
        String date = TXN_DATE.format(ZonedDateTime.ofInstant(request.createdAt(), clock.getZone()));
        String query = "command=pay&txn_id=" + txn + "&txn_date=" + date + "&account="
                + URLEncoder.encode(request.msisdn().national(), StandardCharsets.UTF_8)
                + "&sum=" + OsmpXml.roubles(request.amount().minor());
        OsmpAnswer a = answer("pay", http.get("pay", query));
        if (OsmpResults.unknownOutcome(a.result())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "osmp-" + a.result(), "pay txn " + txn + ": result "
                    + a.result() + comment(a));
        }
        boolean ok = a.result() == OsmpResults.OK;
        if (ok && (a.sumMinor() == null || a.prvTxn() == null)) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", "pay txn " + txn + ": result 0 without "
                    + (a.sumMinor() == null ? "<sum>" : "<prv_txn>"));
        }
        // A refusal need not repeat the sum; one that does must repeat ours, as a success must.
        Money sum = a.sumMinor() == null ? request.amount() : new Money(a.sumMinor(), Money.RUB);
        boolean same = txn.equals(a.osmpTxnId()) && sum.equals(request.amount());
        if (!same) {
            log.error("osmp answer mismatch txn={} osmp_txn_id asked={} got={} sum asked={} got={} result={}",
                    request.txnId(), txn, a.osmpTxnId(), request.amount().minor(), sum.minor(), a.result());
        }
        String answeredTxn = txn.equals(a.osmpTxnId()) ? request.txnId() : "osmp:" + a.osmpTxnId();
        PaymentResult r = ok
                ? new PaymentResult(answeredTxn, PaymentResult.Status.CONFIRMED, a.prvTxn(), sum, null, a.comment())
                : new PaymentResult(answeredTxn, PaymentResult.Status.REFUSED, a.prvTxn(), sum,
                        OsmpResults.refusalCode(a.result()), "OSMP result " + a.result() + comment(a));
        log.debug("osmp pay txn={} osmp_txn={} result={} prv_txn={}", request.txnId(), txn, a.result(), a.prvTxn());
        return r;
    }

    /**
     * OSMP has no status query by the kiosk's id: its status query is the same pay sent again, which the outbox does
     * with the request it froze. Final, so nobody mistakes it for "never arrived".
     */
    @Override
    public PaymentResult status(String txnId) throws CarrierException {
        throw new CarrierException(Kind.PROTOCOL, "unsupported", "OSMP has no status call; the outbox repeats the "
                + "pay with the same txn_id, which returns the first answer");
    }

    @Override
    public Balance balance(Msisdn msisdn) throws CarrierException {
        throw new CarrierException(Kind.PROTOCOL, "unsupported", "OSMP cannot tell a balance");
    }

    @Override
    public List<CatalogEntry> catalog(String operatorId) throws CarrierException {
        throw new CarrierException(Kind.PROTOCOL, "unsupported", "OSMP has no package catalog");
    }

    private static OsmpAnswer answer(String command, byte[] body) throws CarrierException {
        try {
            return OsmpXml.parse(body);
        } catch (OsmpGarbledException e) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", command + ": " + e.getMessage(), e);
        }
    }

    private static String comment(OsmpAnswer a) {
        return a.comment() == null ? "" : " (" + a.comment() + ")";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
