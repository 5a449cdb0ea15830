package org.topupkiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.flow.counter.CashierGate;
import org.topupkiosk.journal.PinGates;

/**
 * The counter's cashiers and their PINs: one line per cashier, {@code id|name|<PIN hash>} ({@link PinHash}: salted
 * PBKDF2), in the owner-only file {@code counter.cashiersFile}, read at each attempt so a new cashier needs no restart.
 * Like the service PIN ({@link PinLockouts}), five wrong PINs in a row lock that cashier out (others may still log in),
 * for 5 minutes, then 30 minutes, 2 hours, 8 hours and 24 hours at most, kept in the journal so a restart clears nothing;
 * a PIN shorter than {@value PinHash#MIN_DIGITS} digits set by an older build is refused ({@code TOO_SHORT}) until a new
 * one is set; every login, failure and lockout is an audit row naming the cashier, never the PIN.
 */
public final class CashierPins implements CashierGate {

    private static final Logger log = LoggerFactory.getLogger(CashierPins.class);

    public static final int MAX_FAILURES = ServicePin.MAX_FAILURES;
    public static final Duration LOCKOUT = ServicePin.LOCKOUT;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");
    /** The screen's text when the cashiers file cannot be used: no path, the log names it. */
    static final String UNUSABLE = "the cashiers file cannot be used; see the kiosk log and run: kioskctl counter "
            + "set-cashier";

    private final Optional<Path> file;
    private final PinLockouts lockouts;

    public CashierPins(Optional<Path> file, PinGates gates, Clock clock) {
        this.file = file;
        this.lockouts = new PinLockouts(gates, clock);
    }

    /** The cashiers in file order; IllegalStateException with the reason when the file cannot be used. */
    @Override
    public List<Cashier> cashiers() {
        List<Cashier> out = new ArrayList<>();
        for (Map.Entry<Cashier, PinHash> e : load().entrySet()) {
            out.add(e.getKey());
        }
        return out;
    }

    /** The journal's gate of a cashier; an id that is no cashier's shares one gate, so guessing ids costs the same. */
    private static String gate(String cashierId) {
        return "cashier:" + safeId(cashierId);
    }

    /** Time left on this cashier's lockout; zero when none. */
    public synchronized Duration lockedFor(String cashierId) {
        return lockouts.lockedFor(gate(cashierId));
    }

    /** Checks a cashier's PIN; slow on purpose (the hash), so never on the FX or flow thread. */
    @Override
    public synchronized Attempt check(String cashierId, char[] pin) {
        String gate = gate(cashierId);
        Duration locked = lockouts.lockedFor(gate);
        if (!locked.isZero()) {
            return new Attempt(Result.LOCKED, 0, locked, null);
        }
        Map<Cashier, PinHash> all;
        try {
            all = load();
        } catch (IllegalStateException e) {
            return new Attempt(Result.UNAVAILABLE, 0, Duration.ZERO, e.getMessage());
        }
        PinHash stored = null;
        for (Map.Entry<Cashier, PinHash> e : all.entrySet()) {
            if (e.getKey().id().equals(cashierId)) {
                stored = e.getValue();
            }
        }
        String who = "\"cashier\":\"" + safeId(cashierId) + "\"";
        if (stored != null && PinHash.typeable(pin) && stored.matches(pin)) {
            if (!PinHash.validPin(pin)) {
                log.warn("cashier PIN shorter than {} digits refused cashier={}", PinHash.MIN_DIGITS, cashierId);
                return new Attempt(Result.TOO_SHORT, lockouts.failuresLeft(gate), Duration.ZERO, null);
            }
            lockouts.passed(gate, "cashier_login", "{" + who + "}");
            log.info("cashier login cashier={}", cashierId);
            return new Attempt(Result.OK, MAX_FAILURES, Duration.ZERO, null);
        }
        PinLockouts.Failure f = lockouts.failed(gate, "cashier_pin_failed", "cashier_pin_locked", who);
        if (f.locked()) {
            log.warn("cashier PIN locked cashier={} for={}", safeId(cashierId), f.lockedFor());
            return new Attempt(Result.LOCKED, 0, f.lockedFor(), null);
        }
        return new Attempt(Result.WRONG, f.failuresLeft(), Duration.ZERO, null);
    }

    private static String safeId(String id) {
        return id != null && ID.matcher(id).matches() ? id : "?";
    }

    /** The cashiers and hashes; the exception's message is for the screen (no path), the log line names the file. */
    private Map<Cashier, PinHash> load() {
        if (file.isEmpty()) {
            throw new IllegalStateException("no cashiers file is configured (counter.cashiersFile)");
        }
        Path f = file.get();
        try {
            ServicePin.requireOwnerOnly(f);
            return parse(Files.readString(f, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            log.warn("cashiers file {} not found; run: kioskctl counter set-cashier --file {} --id ID --name NAME", f, f);
            throw new IllegalStateException("no cashiers are set; run: kioskctl counter set-cashier");
        } catch (IOException e) {
            log.warn("cashiers file {} cannot be read: {}", f, e.getMessage());
            throw new IllegalStateException(UNUSABLE);
        } catch (IllegalArgumentException e) {
            log.warn("cashiers file {}: {}", f, e.getMessage());
            throw new IllegalStateException(UNUSABLE + " (" + e.getMessage() + ")");
        }
    }

    /** Reads the file's text; the exception names the line and what was expected. */
    static Map<Cashier, PinHash> parse(String text) {
        Map<Cashier, PinHash> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not id|name|hash");
            }
            if (!ID.matcher(f[0]).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": cashier id '" + f[0]
                        + "' (expected 1-16 of a-z 0-9 -)");
            }
            if (f[1].isBlank()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": the cashier's name is empty");
            }
            if (out.keySet().stream().anyMatch(c -> c.id().equals(f[0]))) {
                throw new IllegalArgumentException("line " + (i + 1) + ": cashier id '" + f[0] + "' appears twice");
            }
            PinHash hash;
            try {
                hash = PinHash.parse(f[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
            out.put(new Cashier(f[0], f[1].strip()), hash);
        }
        return out;
    }

    /** The file's text with this cashier added, or their name and PIN replaced. */
    static String withCashier(String text, String id, String name, PinHash hash) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("cashier id '" + id + "' (expected 1-16 of a-z 0-9 -)");
        }
        if (name == null || name.isBlank() || name.contains("|") || name.contains("\n")) {
            throw new IllegalArgumentException("cashier name must be non-empty, without | or a line break");
        }
        Map<Cashier, PinHash> all = text == null || text.isBlank() ? new LinkedHashMap<>() : parse(text);
        all.keySet().removeIf(c -> c.id().equals(id));
        all.put(new Cashier(id, name.strip()), hash);
        StringBuilder sb = new StringBuilder("# TopUp counter cashiers: id|name|PIN hash (kioskctl counter set-cashier)\n");
        for (Map.Entry<Cashier, PinHash> e : all.entrySet()) {
            sb.append(e.getKey().id()).append('|').append(e.getKey().name()).append('|')
                    .append(e.getValue().format().strip()).append('\n');
        }
        return sb.toString();
    }
}
