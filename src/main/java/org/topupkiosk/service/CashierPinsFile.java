package org.topupkiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.topupkiosk.flow.counter.CashierGate;
import org.topupkiosk.journal.PinGates;

/** The cashiers file from code: what {@code kioskctl counter set-cashier} writes, for the composition root and tests. */
public final class CashierPinsFile {

    private CashierPinsFile() {}

    /** Adds a cashier (or replaces their PIN) in {@code file}, written owner-only. */
    public static void add(Path file, String id, String name, char[] pin, SecureRandom random) throws IOException {
        if (!PinHash.validPin(pin)) {
            throw new IllegalArgumentException(PinHash.RULE + " (a shorter one is too easy to guess)");
        }
        String old = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        SecretFiles.write(file, CashierPins.withCashier(old, id, name, PinHash.create(pin, random)),
                StandardCharsets.UTF_8);
    }

    /** The gate over a cashiers file; lockouts and audit rows go to the journal's {@code gates}. */
    public static CashierGate gate(Optional<Path> file, PinGates gates, Clock clock) {
        return new CashierPins(file, gates, clock);
    }
}
