package org.topupkiosk.carrier.wire;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of the carrier REST API (docs/carrier-api.md, "Signing"). Both the adapter and the simulator
 * use this one definition, so the string-to-sign cannot drift between them:
 *
 * <pre>
 * METHOD "\n" pathWithQuery "\n" timestamp "\n" kioskId "\n" hex(SHA-256(body))
 * X-Signature = base64(HMAC-SHA256(kioskKey, that string))
 * </pre>
 *
 * {@code pathWithQuery} is the raw (percent-encoded, as sent) path plus "?" and the raw query when there is one.
 */
public final class RequestSigner {

    public static final String HEADER_KIOSK_ID = "X-Kiosk-Id";
    public static final String HEADER_TIMESTAMP = "X-Timestamp";
    public static final String HEADER_SIGNATURE = "X-Signature";
    /** How far the server tolerates the kiosk clock being off, in seconds (docs/carrier-api.md). */
    public static final long MAX_SKEW_SECONDS = 300;

    private static final HexFormat HEX = HexFormat.of();

    private RequestSigner() {}

    public static String sign(byte[] key, String method, String pathWithQuery, long epochSeconds, String kioskId,
                              byte[] body) {
        String toSign = method + "\n" + pathWithQuery + "\n" + epochSeconds + "\n" + kioskId + "\n" + bodyHash(body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is mandatory in every JDK; an empty key is the only way here and a configuration bug.
            throw new IllegalStateException("cannot compute HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    /** Constant-time comparison of an offered signature against the expected one. */
    public static boolean verify(byte[] key, String method, String pathWithQuery, long epochSeconds, String kioskId,
                                 byte[] body, String offered) {
        if (offered == null) {
            return false;
        }
        String expected = sign(key, method, pathWithQuery, epochSeconds, kioskId, body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.US_ASCII));
    }

    static String bodyHash(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
