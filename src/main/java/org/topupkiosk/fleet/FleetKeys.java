package org.topupkiosk.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The office's command key: Ed25519 from the JDK. The office keeps the private key (PEM, PKCS#8, owner-only); each
 * kiosk is configured with the public key (PEM, X.509 SubjectPublicKeyInfo) and obeys only commands it verifies.
 */
public final class FleetKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private FleetKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (JDK 15 and later have it)", e);
        }
    }

    /** The command signed with the office's private key. */
    public static CommandMessage sign(CommandMessage command, PrivateKey officeKey) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(officeKey);
            s.update(command.signedBytes());
            return command.signed(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the office key cannot sign (not an Ed25519 private key?): "
                    + e.getMessage(), e);
        }
    }

    /** True only when the command carries a signature that the office's public key verifies over its bytes. */
    public static boolean verify(CommandMessage command, PublicKey officeKey) {
        if (command.signature() == null) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(command.signature());
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(officeKey);
            s.update(command.signedBytes());
            return s.verify(sig);
        } catch (IllegalArgumentException | SignatureException | InvalidKeyException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
        } catch (InvalidKeySpecException e) {
            throw new IOException(file + " is not an Ed25519 private key in PEM (PKCS#8): " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
        } catch (InvalidKeySpecException e) {
            throw new IOException(file + " is not an Ed25519 public key in PEM: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    private static byte[] der(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        if (!m.find() || !m.group(1).equals(label)) {
            throw new IOException(file + " holds no '-----BEGIN " + label + "-----' block");
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the " + label + " block is not base64", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
