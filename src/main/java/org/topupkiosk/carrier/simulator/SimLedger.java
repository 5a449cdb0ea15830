package org.topupkiosk.carrier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.GoodsJson;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulated carrier's books: txnId to payment, and the top-ups each account received. One lock guards it all;
 * a payment is decided, recorded, appended to the optional JSON-lines file and flushed before anyone is answered, so a
 * restarted simulator answers a repeat with the first answer. (Flushed to the OS, not fsynced: it survives a killed
 * process, not a power cut, which is all a simulator needs.)
 *
 * <p>File lines: {@code {"event":"payment", ...entry, "fingerprint"}} when a payment is first seen, and
 * {@code {"event":"confirmed","txnId"}} when an ACCEPTED payment is later confirmed.
 */
final class SimLedger implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SimLedger.class);

    /** The result of offering a payment to the ledger. */
    sealed interface Offer {}

    record Created(LedgerEntry entry) implements Offer {}

    record Repeat(LedgerEntry entry) implements Offer {}

    record Conflict(LedgerEntry existing) implements Offer {}

    private record Stored(LedgerEntry entry, String fingerprint) {}

    private final Map<String, Stored> payments = new LinkedHashMap<>();
    private final Map<String, Long> toppedUpMinor = new HashMap<>();
    private final Map<String, String> promos = new HashMap<>();
    private final Clock clock;
    private final BufferedWriter out;
    private long sequence;

    SimLedger(Path file, Clock clock) throws IOException {
        this.clock = clock;
        if (file == null) {
            out = null;
            return;
        }
        if (Files.exists(file)) {
            replay(Files.readAllLines(file, StandardCharsets.UTF_8), file);
        }
        boolean torn = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        if (torn) {
            // End the torn line so the next record starts on its own line instead of being glued to the wreck.
            out.write('\n');
            out.flush();
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    /**
     * Records a new payment with the decision {@code decide} makes, or returns the stored one for a repeat. The
     * decision is made only for a txnId never seen, so a repeat can never pay twice.
     */
    synchronized Offer offer(PaymentRequest r, Supplier<PaymentRules.Decision> decide) {
        String fingerprint = fingerprint(r);
        Stored s = payments.get(r.txnId());
        if (s != null) {
            return s.fingerprint().equals(fingerprint) ? new Repeat(s.entry()) : new Conflict(s.entry());
        }
        PaymentRules.Decision d = decide.get();
        boolean applied = d.status() != PaymentResult.Status.REFUSED;
        String ref = applied ? String.format("SIM%010d", ++sequence) : null;
        LedgerEntry e = new LedgerEntry(r.txnId(), r.msisdn() == null ? null : r.msisdn().e164(), r.operatorId(),
                r.amount(), r.productId(), d.status(), ref, d.refusalCode(), applied ? 1 : 0, d.goods());
        ObjectNode line = toJson(e).put("event", "payment").put("fingerprint", fingerprint)
                .put("createdAt", r.createdAt().toString()).put("message", d.message());
        if (d.goods() != null) {
            // The simulator's own file keeps the PIN so a restarted simulator answers a repeat with the same one.
            line.set("goods", GoodsJson.issued(d.goods()));
        }
        if (r.promoId() != null) {
            line.put("promoId", r.promoId());
            promos.put(r.txnId(), r.promoId());
        }
        append(line);
        put(e, fingerprint);
        return new Created(e);
    }

    /** The stored payment, advancing an ACCEPTED one to CONFIRMED (the simulated carrier finishes on first look). */
    synchronized LedgerEntry lookup(String txnId) {
        Stored s = payments.get(txnId);
        if (s == null) {
            return null;
        }
        if (s.entry().status() == PaymentResult.Status.ACCEPTED) {
            append(CarrierJson.object().put("event", "confirmed").put("txnId", txnId));
            confirm(txnId);
        }
        return payments.get(txnId).entry();
    }

    synchronized Balance balance(Msisdn m) {
        // A stable starting balance per number, 0 to 499.99 RUB, so balances look different without any state.
        long base = Long.parseLong(m.national()) % 50_000;
        long minor = base + toppedUpMinor.getOrDefault(m.e164(), 0L);
        long days = 30 + Long.parseLong(m.national()) % 150;
        LocalDate expires = m.national().endsWith("0") ? null : LocalDate.now(clock).plusDays(days);
        return new Balance(m, NumberPlan.operatorOf(m), Money.rubMinor(minor), expires);
    }

    synchronized Map<String, LedgerEntry> snapshot() {
        Map<String, LedgerEntry> copy = new LinkedHashMap<>();
        payments.forEach((k, v) -> copy.put(k, v.entry()));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    static ObjectNode toJson(LedgerEntry e) {
        ObjectNode o = CarrierJson.object().put("txnId", e.txnId()).put("msisdn", e.msisdn())
                .put("operatorId", e.operatorId());
        o.set("amount", CarrierJson.money(e.amount()));
        return o.put("productId", e.productId()).put("status", e.status().name()).put("carrierRef", e.carrierRef())
                .put("refusalCode", e.refusalCode()).put("appliedCount", e.appliedCount());
    }

    private void put(LedgerEntry e, String fingerprint) {
        Stored before = payments.put(e.txnId(), new Stored(e, fingerprint));
        int newlyApplied = e.appliedCount() - (before == null ? 0 : before.entry().appliedCount());
        // A new eSIM's number gets what was paid above the plan's price; an e-PIN puts nothing on any balance yet.
        String account = e.goods() instanceof IssuedGoods.Esim esim ? esim.msisdn().e164()
                : e.msisdn();
        if (newlyApplied > 0 && account != null) {
            toppedUpMinor.merge(account, toBalance(e).minor() * newlyApplied, Long::sum);
        }
    }

    /** What a payment puts on the balance: a top-up all of it plus its promo bonus, a package what is above its price. */
    private Money toBalance(LedgerEntry e) {
        if (e.productId() == null) {
            String promo = promos.get(e.txnId());
            return e.amount().plus(SimPromotions.bonus(promo, e.operatorId(), e.amount(), LocalDate.now(clock)));
        }
        Money zero = Money.zero(e.amount().currency());
        if (e.goods() != null) {
            return e.goods() instanceof IssuedGoods.Esim
                    ? SimGoods.offer(e.productId()).map(g -> e.amount().minus(g.price()).max(zero)).orElse(zero) : zero;
        }
        return SimCatalog.product(e.productId()).map(p -> e.amount().minus(p.price()).max(zero)).orElse(zero);
    }

    /** How many payments issued goods: a restarted simulator numbers new eSIMs after these, never reusing one. */
    synchronized int goodsIssued() {
        return (int) payments.values().stream().filter(p -> p.entry().goods() != null).count();
    }

    /** The promo bonus the carrier added to this payment (zero when none applied). */
    synchronized Money bonusOf(String txnId) {
        Stored s = payments.get(txnId);
        if (s == null || s.entry().productId() != null || s.entry().appliedCount() == 0) {
            return Money.ZERO_RUB;
        }
        return SimPromotions.bonus(promos.get(txnId), s.entry().operatorId(), s.entry().amount(), LocalDate.now(clock));
    }

    /** Adds a redeemed scratch card's face value to the number's balance. */
    synchronized void creditVoucher(Msisdn m, Money nominal) {
        toppedUpMinor.merge(m.e164(), nominal.minor(), Long::sum);
    }

    private void confirm(String txnId) {
        Stored s = payments.get(txnId);
        LedgerEntry e = s.entry();
        payments.put(txnId, new Stored(new LedgerEntry(e.txnId(), e.msisdn(), e.operatorId(), e.amount(),
                e.productId(), PaymentResult.Status.CONFIRMED, e.carrierRef(), null, e.appliedCount(), e.goods()),
                s.fingerprint()));
    }

    private void append(ObjectNode line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line.toString());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // The answer must not go out if the record did not: the caller turns this into a 500.
            throw new UncheckedIOException("cannot append to the simulator ledger", e);
        }
    }

    private void replay(List<String> lines, Path file) {
        int lineNo = 0;
        for (String text : lines) {
            lineNo++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode n = CarrierJson.parse(text.getBytes(StandardCharsets.UTF_8));
                String txnId = CarrierJson.text(n, "txnId");
                if ("confirmed".equals(CarrierJson.text(n, "event"))) {
                    if (payments.containsKey(txnId)) {
                        confirm(txnId);
                    }
                    continue;
                }
                LedgerEntry e = new LedgerEntry(txnId, CarrierJson.optionalText(n, "msisdn"),
                        CarrierJson.optionalText(n, "operatorId"), CarrierJson.money(n, "amount"),
                        CarrierJson.optionalText(n, "productId"),
                        PaymentResult.Status.valueOf(CarrierJson.text(n, "status")),
                        CarrierJson.optionalText(n, "carrierRef"), CarrierJson.optionalText(n, "refusalCode"),
                        n.path("appliedCount").asInt(),
                        n.hasNonNull("goods") ? GoodsJson.issued(n.get("goods")) : null);
                String promo = CarrierJson.optionalText(n, "promoId");
                if (promo != null) {
                    promos.put(txnId, promo);
                }
                Stored earlier = payments.get(txnId);
                if (earlier != null) {
                    // Two records of one txnId is a double payment; keep counting so ledger() shows it.
                    log.error("ledger file {} line {}: txn={} recorded again", file, lineNo, txnId);
                    e = new LedgerEntry(e.txnId(), e.msisdn(), e.operatorId(), e.amount(), e.productId(), e.status(),
                            e.carrierRef(), e.refusalCode(), earlier.entry().appliedCount() + e.appliedCount(),
                            e.goods());
                }
                put(e, CarrierJson.text(n, "fingerprint"));
                if (e.carrierRef() != null) {
                    sequence++;
                }
            } catch (RuntimeException e) {
                // Only a torn last line (the process died mid-write) is expected; it was never answered.
                log.warn("ledger file {} line {} skipped: {}", file, lineNo, e.getMessage());
            }
        }
    }

    private static String fingerprint(PaymentRequest r) {
        return (r.msisdn() == null ? "-" : r.msisdn().e164()) + "|" + r.operatorId() + "|" + r.amount().minor() + " "
                + r.amount().currency() + "|" + r.productId() + "|" + r.createdAt()
                + (r.promoId() == null ? "" : "|" + r.promoId())
                + (r.goods() == null ? "" : "|" + r.goods().wire() + (r.device() == null ? "" : ":" + r.device().digits()));
    }
}
