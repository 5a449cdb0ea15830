package org.topupkiosk.fleet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A command from the office on {@code <prefix>/<kioskId>/cmd}, QoS 1, signed with the office's Ed25519 key over
 * {@link #signedBytes()}.
 *
 * <p>Types and their {@code args}:
 * <ul>
 *   <li>{@code out_of_service}: reason (the text shown on the kiosk's screen);</li>
 *   <li>{@code in_service}: none;</li>
 *   <li>{@code sync_now}: none (send the payment and telemetry outboxes now);</li>
 *   <li>{@code catalog}: catalog (the new catalog file's text, YAML, validated before it replaces the old one).</li>
 * </ul>
 * A kiosk obeys a command only when the signature verifies with the office key it was configured with, the command is
 * addressed to it, {@code issuedAt <= now < expiresAt} (with a small clock skew allowance), and its id was never seen
 * before; otherwise it refuses, acknowledges the refusal and audits it.
 *
 * @param signature the Ed25519 signature in base64; null on a command not yet signed
 */
public record CommandMessage(String id, String kioskId, String type, Map<String, String> args, Instant issuedAt,
                             Instant expiresAt, String signature) {

    public static final String OUT_OF_SERVICE = "out_of_service";
    public static final String IN_SERVICE = "in_service";
    public static final String SYNC_NOW = "sync_now";
    public static final String CATALOG = "catalog";
    public static final Set<String> TYPES = Set.of(OUT_OF_SERVICE, IN_SERVICE, SYNC_NOW, CATALOG);

    private static final byte[] DOMAIN = "topup-fleet-command/1".getBytes(StandardCharsets.US_ASCII);

    public CommandMessage {
        if (id == null || id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("command: id is 1 to 128 characters, got '" + id + "'");
        }
        if (!FleetTopics.validKioskId(kioskId)) {
            throw new IllegalArgumentException("command: bad kioskId '" + kioskId + "'");
        }
        Objects.requireNonNull(type, "command: type");
        Objects.requireNonNull(issuedAt, "command: issuedAt");
        Objects.requireNonNull(expiresAt, "command: expiresAt");
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    /** The same command carrying {@code signature} (base64). */
    public CommandMessage signed(String signature) {
        return new CommandMessage(id, kioskId, type, args, issuedAt, expiresAt, signature);
    }

    /**
     * What the office signs: a domain tag, then id, kioskId, type, issuedAt, expiresAt and each argument (sorted by
     * name, name then value), every field as UTF-8 prefixed with its length in four bytes, so no two different commands
     * have the same bytes. The signature itself is not part of them.
     */
    public byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, DOMAIN);
        for (String s : new String[]{id, kioskId, type, issuedAt.toString(), expiresAt.toString()}) {
            field(out, s.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> sorted = new TreeMap<>(args);
        field(out, Integer.toString(sorted.size()).getBytes(StandardCharsets.US_ASCII));
        sorted.forEach((k, v) -> {
            field(out, k.getBytes(StandardCharsets.UTF_8));
            field(out, v.getBytes(StandardCharsets.UTF_8));
        });
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] b) {
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
    }
}
