package org.topupkiosk.carrier.osmp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the kiosk proves itself to an OSMP provider: HTTP Basic credentials, a TLS context carrying a client
 * certificate (and, when configured, the provider's CA), or both. {@link #toString()} never shows a secret.
 *
 * @param basicUser     null without HTTP Basic
 * @param basicPassword null without HTTP Basic
 * @param tls           null for the JDK's default context (no client certificate, the JDK's trusted CAs)
 */
public record OsmpAuth(String basicUser, char[] basicPassword, SSLContext tls) {

    public static final OsmpAuth NONE = new OsmpAuth(null, null, null);

    public OsmpAuth {
        if ((basicUser == null) != (basicPassword == null)) {
            throw new IllegalArgumentException("HTTP Basic needs both a user and a password");
        }
        if (basicUser != null && (basicUser.isEmpty() || basicUser.contains(":"))) {
            throw new IllegalArgumentException("HTTP Basic user must be non-empty and without ':'");
        }
        basicPassword = basicPassword == null ? null : basicPassword.clone();
    }

    public static OsmpAuth basic(String user, char[] password, SSLContext tls) {
        return new OsmpAuth(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"), tls);
    }

    public boolean hasBasic() {
        return basicUser != null;
    }

    /** A TLS context of its own (a client certificate, the provider's CA): plain http can use neither. */
    public boolean hasTls() {
        return tls != null;
    }

    /** The Authorization header's value, or null without HTTP Basic. */
    String authorization() {
        if (basicUser == null) {
            return null;
        }
        String pair = basicUser + ":" + new String(basicPassword);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public char[] basicPassword() {
        return basicPassword == null ? null : basicPassword.clone();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "OsmpAuth[basic=" + (basicUser == null ? "no" : "user " + basicUser) + ", tls="
                + (tls == null ? "default" : "configured") + "]";
    }
}
