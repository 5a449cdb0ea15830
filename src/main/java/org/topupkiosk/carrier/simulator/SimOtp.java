package org.topupkiosk.carrier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.OtpJson;
import org.topupkiosk.carrier.wire.WireFormatException;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulator's one-time codes (docs/carrier-api.md, "One-time codes"): it "sends" each code as an SMS into an
 * inbox that tests and the device panel read, checks typed codes with a limit of tries and a lifetime, and hands out
 * a short-lived token bound to the number and purpose. Thread-safe: every method is synchronized.
 */
public final class SimOtp {

    /** One SMS the simulator "sent". */
    public record Sms(Msisdn to, String text, Instant sentAt) {}

    static final int CODE_LENGTH = 6;
    static final int MAX_ATTEMPTS = 3;
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** At most this many codes per number in {@link #RATE_WINDOW}, so a kiosk cannot be used to flood a phone. */
    static final int RATE_LIMIT = 3;
    static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    private static final class Challenge {
        final OtpChallenge challenge;
        final String code;
        int attemptsLeft = MAX_ATTEMPTS;
        String token;

        Challenge(OtpChallenge challenge, String code) {
            this.challenge = challenge;
            this.code = code;
        }
    }

    private record Token(Msisdn msisdn, String purpose, Instant expiresAt) {}

    private final Clock clock;
    private final Random random;
    private final Map<String, Challenge> challenges = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<Msisdn, List<Sms>> inbox = new HashMap<>();
    /** Who hears each SMS as it is "sent" (the simulation's device panel shows the customer's phone). */
    private final List<Consumer<Sms>> listeners = new CopyOnWriteArrayList<>();
    private Sms latest;
    private long nextId = 1;

    SimOtp(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    SimOtp(Clock clock) {
        this(clock, new SecureRandom());
    }

    synchronized SimulatorApi.Response request(byte[] body) {
        JsonNode n = CarrierJson.parse(body);
        Msisdn msisdn;
        try {
            msisdn = new Msisdn(CarrierJson.text(n, "msisdn"));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("msisdn must be +79XXXXXXXXX", e);
        }
        String purpose = CarrierJson.text(n, "purpose");
        if (!OtpChallenge.isPurpose(purpose)) {
            throw new WireFormatException("purpose must be autotopup or history, got '" + purpose + "'");
        }
        if (!NumberPlan.exists(msisdn)) {
            return SimulatorApi.Response.error(404, "unknown-number", "no such subscriber");
        }
        Instant now = clock.instant();
        long recent = inbox.getOrDefault(msisdn, List.of()).stream()
                .filter(s -> s.sentAt().isAfter(now.minus(RATE_WINDOW))).count();
        if (recent >= RATE_LIMIT) {
            return SimulatorApi.Response.error(429, "too-many-codes",
                    RATE_LIMIT + " codes in " + RATE_WINDOW.toMinutes() + " minutes; try later");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(random.nextInt(10));
        }
        String id = String.format("OTP%08d", nextId++);
        OtpChallenge c = new OtpChallenge(id, msisdn, purpose, now.plus(CODE_LIFETIME), CODE_LENGTH);
        challenges.put(id, new Challenge(c, code.toString()));
        String what = OtpChallenge.PURPOSE_AUTO_TOP_UP.equals(purpose) ? "автоплатёж / auto top-up"
                : "история платежей / payment history";
        Sms sms = new Sms(msisdn, "Код " + code + " (" + what + "). Никому не сообщайте. Code " + code
                + ", do not share it.", now);
        inbox.computeIfAbsent(msisdn, k -> new ArrayList<>()).add(sms);
        latest = sms;
        for (Consumer<Sms> l : listeners) {
            l.accept(sms);
        }
        return SimulatorApi.Response.json(200, OtpJson.challenge(c));
    }

    synchronized SimulatorApi.Response verify(String otpId, byte[] body) {
        String typed = CarrierJson.text(CarrierJson.parse(body), "code");
        Challenge c = challenges.get(otpId);
        if (c == null) {
            return SimulatorApi.Response.error(404, "unknown-otp", "no code with id " + otpId);
        }
        Instant now = clock.instant();
        OtpCheck answer;
        if (c.token != null) {
            // A repeat of the verified code (the kiosk's first answer was lost) gets the same token back.
            answer = c.code.equals(typed) && tokens.containsKey(c.token)
                    ? OtpCheck.verified(c.token, c.attemptsLeft) : OtpCheck.refused(OtpCheck.USED, 0);
        } else if (!now.isBefore(c.challenge.expiresAt())) {
            answer = OtpCheck.refused(OtpCheck.EXPIRED, 0);
        } else if (c.attemptsLeft == 0) {
            answer = OtpCheck.refused(OtpCheck.LOCKED, 0);
        } else if (!c.code.equals(typed)) {
            c.attemptsLeft--;
            answer = OtpCheck.refused(c.attemptsLeft == 0 ? OtpCheck.LOCKED : OtpCheck.WRONG_CODE, c.attemptsLeft);
        } else {
            byte[] t = new byte[16];
            random.nextBytes(t);
            c.token = HexFormat.of().formatHex(t);
            tokens.put(c.token, new Token(c.challenge.msisdn(), c.challenge.purpose(), now.plus(TOKEN_LIFETIME)));
            answer = OtpCheck.verified(c.token, c.attemptsLeft);
        }
        return SimulatorApi.Response.json(200, OtpJson.check(answer));
    }

    /**
     * For the calls a code opens (auto top-up enrolment, payment history): is {@code token} a live proof for this
     * number and purpose? A token is good for one call; using it spends it.
     */
    public synchronized boolean spendToken(String token, Msisdn msisdn, String purpose) {
        Token t = token == null ? null : tokens.get(token);
        if (t == null || !t.msisdn().equals(msisdn) || !t.purpose().equals(purpose)
                || !clock.instant().isBefore(t.expiresAt())) {
            return false;
        }
        tokens.remove(token);
        return true;
    }

    /**
     * Calls {@code listener} with every SMS sent from now on, on the simulator's request thread: hand off quickly.
     * Closing the returned handle stops it.
     */
    public AutoCloseable onSent(Consumer<Sms> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The newest SMS sent to any number, if one was. */
    public synchronized Optional<Sms> latest() {
        return Optional.ofNullable(latest);
    }

    /** The SMS "sent" to {@code msisdn}, oldest first. */
    public synchronized List<Sms> inbox(Msisdn msisdn) {
        return List.copyOf(inbox.getOrDefault(msisdn, List.of()));
    }

    synchronized ObjectNode inboxJson(Msisdn msisdn) {
        ObjectNode o = CarrierJson.object();
        ArrayNode arr = o.putArray("messages");
        for (Sms s : inbox.getOrDefault(msisdn, List.of())) {
            ObjectNode m = arr.addObject();
            m.put("msisdn", s.to().e164());
            m.put("text", s.text());
            m.put("sentAt", s.sentAt().toString());
        }
        return o;
    }
}
