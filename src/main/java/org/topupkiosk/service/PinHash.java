package org.topupkiosk.service;

import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The service PIN as stored: PBKDF2-HMAC-SHA256 over a random 16-byte salt, one line of text,
 * {@code topup-pin v1 pbkdf2-sha256 <iterations> <salt base64> <hash base64>}. The version word lets a later build move
 * to another KDF and still read (and refuse) old files by name. Pure: no files, no clock.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash) {

    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is 600k; a Raspberry Pi takes ~0.3 s at 210k, a wait a technician accepts. */
    public static final int ITERATIONS = 210_000;
    /** A file asking for fewer rounds than this is refused: it would make an offline guess of a 4-digit PIN cheap. */
    public static final int MIN_ITERATIONS = 200_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    private static final String MAGIC = "topup-pin";
    private static final String VERSION = "v1";
    private static final String KDF = "pbkdf2-sha256";
    /** The shortest PIN that may be set or used: a million guesses, against the lockouts' few per day. */
    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 12;
    /** What an older build let one set: such a PIN still matches its file, but is refused (see ServicePin). */
    public static final int LEGACY_MIN_DIGITS = 4;
    private static final Pattern PIN = Pattern.compile("[0-9]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");
    private static final Pattern TYPEABLE = Pattern.compile("[0-9]{" + LEGACY_MIN_DIGITS + "," + MAX_DIGITS + "}");
    /** What {@code set-pin} and {@code set-cashier} say when a PIN is refused. */
    public static final String RULE = "a PIN is " + MIN_DIGITS + " to " + MAX_DIGITS + " digits";

    public PinHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** A PIN that may be set and used: {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits. */
    public static boolean validPin(char[] pin) {
        return pin != null && PIN.matcher(CharBuffer.wrap(pin)).matches();
    }

    /** Digits only, long enough that an older build may have set it: worth hashing to tell right from wrong. */
    static boolean typeable(char[] pin) {
        return pin != null && TYPEABLE.matcher(CharBuffer.wrap(pin)).matches();
    }

    public static PinHash create(char[] pin, SecureRandom random) {
        if (!validPin(pin)) {
            throw new IllegalArgumentException(RULE + " (a shorter one is too easy to guess)");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PinHash(ITERATIONS, salt, derive(pin, salt, ITERATIONS));
    }

    /** Compares in constant time (for equal-length hashes, which the format guarantees). */
    public boolean matches(char[] pin) {
        if (pin == null || pin.length == 0) {
            return false;
        }
        byte[] candidate = derive(pin, salt, iterations);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return MAGIC + " " + VERSION + " " + KDF + " " + iterations + " " + b64.encodeToString(salt) + " "
                + b64.encodeToString(hash) + "\n";
    }

    /** Reads {@link #format()}'s text; the message of the exception says which field is wrong and what was expected. */
    public static PinHash parse(String text) {
        String[] f = text == null ? new String[0] : text.strip().split(" ");
        if (f.length != 6 || !MAGIC.equals(f[0])) {
            throw new IllegalArgumentException("not a service PIN file (expected one line: " + MAGIC + " " + VERSION
                    + " " + KDF + " ITERATIONS SALT HASH)");
        }
        if (!VERSION.equals(f[1])) {
            throw new IllegalArgumentException("format version '" + f[1] + "' is not known (expected " + VERSION + ")");
        }
        if (!KDF.equals(f[2])) {
            throw new IllegalArgumentException("hash '" + f[2] + "' is not supported (expected " + KDF + ")");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(f[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations '" + f[3] + "' is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " is below the minimum " + MIN_ITERATIONS);
        }
        byte[] salt = decode(f[4], "salt", SALT_BYTES);
        byte[] hash = decode(f[5], "hash", HASH_BYTES);
        return new PinHash(iterations, salt, hash);
    }

    private static byte[] decode(String text, String what, int bytes) {
        byte[] out;
        try {
            out = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
        if (out.length != bytes) {
            throw new IllegalArgumentException(what + " is " + out.length + " bytes (expected " + bytes + ")");
        }
        return out;
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PinHash[" + KDF + ", iterations=" + iterations + "]";
    }
}
