package org.topupkiosk.fleet.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to the broker from PEM files: the CA that signed the broker's certificate (else the JDK's trusted CAs), and
 * optionally the office's client certificate with its private key (PKCS#8 PEM, RSA or EC), for a broker that asks
 * for one ({@code require_certificate true}).
 */
final class OfficeTls {

    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PRIVATE KEY-----");
    private static final char[] NO_PASSWORD = new char[0];

    private OfficeTls() {
    }

    /** @param ca null for the JDK's trusted CAs; cert and key both null or both given */
    static SSLSocketFactory socketFactory(Path ca, Path cert, Path key) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(ca, "--ca")) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (cert != null) {
                KeyStore mine = KeyStore.getInstance("PKCS12");
                mine.load(null, null);
                Certificate[] chain = certificates(cert, "--cert").toArray(new Certificate[0]);
                mine.setKeyEntry("office", privateKey(key), NO_PASSWORD, chain);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(mine, NO_PASSWORD);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS settings: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path file, String option) throws IOException {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (certs.isEmpty()) {
                throw new IOException(option + " " + file + " holds no certificate");
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new IOException(option + " " + file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IOException("--client-key " + file + " holds no '-----BEGIN PRIVATE KEY-----' block (PKCS#8;"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt)");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
        for (String alg : new String[]{"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (InvalidKeySpecException | NoSuchAlgorithmException notThis) {
                // try the next algorithm
            }
        }
        throw new IOException("--client-key " + file + " is neither an RSA nor an EC private key");
    }
}
