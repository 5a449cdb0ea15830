package org.topupkiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.topupkiosk.flow.counter.CashierGate;

/** The cashiers file from code: what {@code kioskctl counter set-cashier} writes, for the composition root and tests. */
public final class CashierPinsFile {

    private CashierPinsFile() {}

    /** Adds a cashier (or replaces their PIN) in {@code file}, written owner-only. */
    public static void add(Path file, String id, String name, char[] pin, SecureRandom random) throws IOException {
        if (!PinHash.validPin(pin)) {
            throw new IllegalArgumentException("a cashier PIN is 4 to 8 digits");
        }
        String old = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        SecretFiles.write(file, CashierPins.withCashier(old, id, name, PinHash.create(pin, random)),
                StandardCharsets.UTF_8);
    }

    /** The gate over a cashiers file; audit rows go to {@code audit}. */
    public static CashierGate gate(Optional<Path> file, CashierPins.Audit audit, Clock clock) {
        return new CashierPins(file, audit, clock);
    }
}
