package org.topupkiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key the kiosk signs carrier requests with. It never lives in YAML: it comes from a file only the kiosk user
 * can read ({@code carrier.kioskKeyFile}), from an environment variable ({@code carrier.kioskKeyEnv}) or, with the
 * embedded simulator only, from {@link #DEVELOPMENT_KEY_TEXT}, a fixed key that is public on purpose and that a real
 * carrier will never accept. Key text is one line and must decode to at least 32 bytes (HMAC-SHA256): text made only
 * of hex digits is read as hex, anything else as base64; write {@code base64:} before a base64 key that happens to
 * contain only hex digits (such as one of all zero bytes).
 * {@link #toString()} never shows the key.
 */
public final class KioskKey {

    private static final Logger log = LoggerFactory.getLogger(KioskKey.class);

    /** The development key's text; documented, public, for simulation only. */
    public static final String DEVELOPMENT_KEY_TEXT = "topup-kiosk development key - public, simulation only";

    public static final int MIN_BYTES = 32;

    public enum Source { FILE, ENV, DEVELOPMENT }

    private final byte[] bytes;
    private final Source source;

    private KioskKey(byte[] bytes, Source source) {
        this.bytes = bytes;
        this.source = source;
    }

    /** The public development key's bytes, for the simulator and tests. */
    public static byte[] developmentKey() {
        return DEVELOPMENT_KEY_TEXT.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public Source source() {
        return source;
    }

    /**
     * Reads the key the carrier section points at.
     *
     * @param configFile names the file in messages
     * @param env        the environment, {@code System::getenv} in production
     */
    public static KioskKey load(KioskConfig.Carrier carrier, Path configFile, Function<String, String> env)
            throws ConfigException {
        if (carrier.kioskKeyFile().isPresent()) {
            return fromFile(carrier.kioskKeyFile().get(), configFile);
        }
        if (carrier.kioskKeyEnv().isPresent()) {
            String name = carrier.kioskKeyEnv().get();
            String text = env.apply(name);
            if (text == null || text.isBlank()) {
                throw new ConfigException(configFile, "carrier.kioskKeyEnv",
                        "environment variable " + name + " is not set or empty (expected the key as hex or base64)");
            }
            return new KioskKey(decode(text, configFile, "carrier.kioskKeyEnv", "environment variable " + name), Source.ENV);
        }
        if (carrier.simulator() == KioskConfig.Simulator.EMBEDDED) {
            log.warn("carrier key source=development: using the public development key (simulator: embedded)");
            return new KioskKey(DEVELOPMENT_KEY_TEXT.getBytes(StandardCharsets.UTF_8), Source.DEVELOPMENT);
        }
        throw new ConfigException(configFile, "carrier.kioskKeyFile",
                "is missing: with simulator: none the key must come from kioskKeyFile or kioskKeyEnv");
    }

    private static KioskKey fromFile(Path file, Path configFile) throws ConfigException {
        String key = "carrier.kioskKeyFile";
        OwnerOnlyFile.require(file, configFile, key, "key file");
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(configFile, key, "key file " + file + " cannot be read: " + e.getMessage(), e);
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        Arrays.fill(raw, (byte) 0);
        return new KioskKey(decode(text, configFile, key, "key file " + file), Source.FILE);
    }

    private static byte[] decode(String text, Path configFile, String key, String where) throws ConfigException {
        String t = text.strip();
        boolean forceBase64 = t.startsWith("base64:");
        if (forceBase64) {
            t = t.substring("base64:".length());
        }
        byte[] out = null;
        if (!forceBase64 && t.matches("(?:[0-9A-Fa-f]{2})+")) {
            out = new byte[t.length() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
            }
        } else {
            try {
                out = Base64.getDecoder().decode(t);
            } catch (IllegalArgumentException notBase64) {
                try {
                    out = Base64.getUrlDecoder().decode(t);
                } catch (IllegalArgumentException notUrlBase64) {
                    // reported below, without echoing the text: it may be a real key with a typo
                }
            }
        }
        if (out == null) {
            throw new ConfigException(configFile, key, where + " does not hold hex or base64 text");
        }
        if (out.length < MIN_BYTES) {
            throw new ConfigException(configFile, key, where + " holds " + out.length + " bytes (expected at least "
                    + MIN_BYTES + " for HMAC-SHA256)");
        }
        return out;
    }

    @Override
    public String toString() {
        return "KioskKey[source=" + source + ", " + bytes.length + " bytes]";
    }
}
