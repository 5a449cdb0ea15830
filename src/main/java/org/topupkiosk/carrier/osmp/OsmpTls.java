package org.topupkiosk.carrier.osmp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts for an OSMP provider from key material bytes (reading the owner-only files is the config layer's job):
 * a client certificate from PKCS#12 or from PEM (the certificate chain and an unencrypted PKCS#8 private key, RSA or
 * EC, in one file), and optionally the provider's CA certificates (PEM) instead of the JDK's trusted ones. Every
 * problem is an {@link IllegalArgumentException} saying what is wrong with the material, never echoing it.
 */
public final class OsmpTls {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];

    private OsmpTls() {}

    /** True when the bytes look like PEM text rather than a binary PKCS#12 store. */
    public static boolean isPem(byte[] material) {
        return new String(material, 0, Math.min(material.length, 4096), StandardCharsets.US_ASCII)
                .contains("-----BEGIN ");
    }

    /**
     * @param clientKey     PKCS#12 or PEM bytes, or null without a client certificate
     * @param password      the PKCS#12 password (null for PEM, or a store without one)
     * @param trustPem      PEM CA certificates, or null for the JDK's trusted CAs
     */
    public static SSLContext context(byte[] clientKey, char[] password, byte[] trustPem) {
        try {
            KeyManagerFactory kmf = null;
            if (clientKey != null) {
                KeyStore ks = isPem(clientKey) ? pemKeyStore(clientKey) : pkcs12(clientKey, password);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, isPem(clientKey) || password == null ? NO_PASSWORD : password);
            }
            TrustManagerFactory tmf = null;
            if (trustPem != null) {
                KeyStore ts = KeyStore.getInstance("PKCS12");
                ts.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates(trustPem)) {
                    ts.setCertificateEntry("ca-" + i++, c);
                }
                if (i == 0) {
                    throw new IllegalArgumentException("the trust file holds no CERTIFICATE block");
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyStore pkcs12(byte[] bytes, char[] password) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(new ByteArrayInputStream(bytes), password == null ? NO_PASSWORD : password);
        } catch (IOException e) {
            // The JDK reports a wrong password and a damaged store alike, as an IOException.
            throw new IllegalArgumentException("not a PKCS#12 store, or the password is wrong: " + e.getMessage(), e);
        }
        boolean hasKey = false;
        for (String alias : Collections.list(ks.aliases())) {
            hasKey |= ks.isKeyEntry(alias);
        }
        if (!hasKey) {
            throw new IllegalArgumentException("the PKCS#12 store holds no private key");
        }
        return ks;
    }

    private static KeyStore pemKeyStore(byte[] pem) throws GeneralSecurityException, IOException {
        List<X509Certificate> chain = certificates(pem);
        PrivateKey key = null;
        Matcher m = PEM.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                key = privateKey(Base64.getMimeDecoder().decode(m.group(2)));
            } else if (type.endsWith("PRIVATE KEY")) {
                throw new IllegalArgumentException("the PEM private key is " + type + "; expected an unencrypted "
                        + "PKCS#8 'PRIVATE KEY' (convert with: openssl pkcs8 -topk8 -nocrypt)");
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("the PEM file holds no 'PRIVATE KEY' block");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the PEM file holds no CERTIFICATE block");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
        return ks;
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("the PEM private key is not an RSA, EC or Ed25519 PKCS#8 key", last);
    }

    static List<X509Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        }
        return out;
    }
}
