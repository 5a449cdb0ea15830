package org.topupkiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.osmp.OsmpAuth;
import org.topupkiosk.carrier.osmp.OsmpTls;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.OwnerOnlyFile;

/**
 * Reads the OSMP credentials {@code carrier.osmp} names: HTTP Basic from {@code basicAuthFile} (one line
 * {@code user:password}), a client certificate from {@code clientCertFile} (PKCS#12 with its password in
 * {@code clientCertPasswordFile}, or PEM), and the provider's CA from {@code trustFile}. A secret file that group or
 * others may read is refused by {@link OwnerOnlyFile}, as every secret file is: the error names the key and the
 * chmod. Here in the composition root because the config layer may not know the carrier's types.
 */
public final class OsmpCredentials {

    private static final Logger log = LoggerFactory.getLogger(OsmpCredentials.class);
    private static final int MAX_FILE_BYTES = 1 << 20;

    private OsmpCredentials() {}

    public static OsmpAuth load(KioskConfig.Osmp osmp, Path configFile) throws ConfigException {
        String user = null;
        char[] password = null;
        if (osmp.basicAuthFile().isPresent()) {
            String key = "carrier.osmp.basicAuthFile";
            byte[] raw = readSecret(osmp.basicAuthFile().get(), configFile, key);
            String line = new String(raw, StandardCharsets.UTF_8).strip();
            Arrays.fill(raw, (byte) 0);
            int colon = line.indexOf(':');
            if (line.contains("\n") || colon <= 0 || colon == line.length() - 1) {
                throw new ConfigException(configFile, key, osmp.basicAuthFile().get()
                        + " does not hold one line user:password (user without ':', password not empty)");
            }
            user = line.substring(0, colon);
            password = line.substring(colon + 1).toCharArray();
        }
        SSLContext tls = null;
        if (osmp.clientCertFile().isPresent() || osmp.trustFile().isPresent()) {
            byte[] cert = null;
            char[] certPassword = null;
            if (osmp.clientCertFile().isPresent()) {
                cert = readSecret(osmp.clientCertFile().get(), configFile, "carrier.osmp.clientCertFile");
                if (osmp.clientCertPasswordFile().isPresent()) {
                    byte[] pw = readSecret(osmp.clientCertPasswordFile().get(), configFile,
                            "carrier.osmp.clientCertPasswordFile");
                    certPassword = new String(pw, StandardCharsets.UTF_8).strip().toCharArray();
                    Arrays.fill(pw, (byte) 0);
                } else if (!OsmpTls.isPem(cert)) {
                    throw new ConfigException(configFile, "carrier.osmp.clientCertPasswordFile", "is missing: "
                            + osmp.clientCertFile().get() + " is a PKCS#12 store, whose password must come from a "
                            + "chmod 600 file");
                }
            }
            byte[] trust = osmp.trustFile().isPresent()
                    ? read(osmp.trustFile().get(), configFile, "carrier.osmp.trustFile") : null;
            String key = cert != null ? "carrier.osmp.clientCertFile" : "carrier.osmp.trustFile";
            try {
                tls = OsmpTls.context(cert, certPassword, trust);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(configFile, key, e.getMessage(), e);
            } finally {
                if (cert != null) {
                    Arrays.fill(cert, (byte) 0);
                }
                if (certPassword != null) {
                    Arrays.fill(certPassword, '\0');
                }
            }
        }
        OsmpAuth auth = user == null ? new OsmpAuth(null, null, tls) : OsmpAuth.basic(user, password, tls);
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        log.info("osmp credentials {}", auth);
        return auth;
    }

    /** A file with a secret: refused when group or others may read it. */
    static byte[] readSecret(Path file, Path configFile, String key) throws ConfigException {
        OwnerOnlyFile.require(file, configFile, key, "file");
        return read(file, configFile, key);
    }

    private static byte[] read(Path file, Path configFile, String key) throws ConfigException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(configFile, key, file + " is over " + MAX_FILE_BYTES + " bytes");
            }
            byte[] b = Files.readAllBytes(file);
            if (b.length == 0) {
                throw new ConfigException(configFile, key, file + " is empty");
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new ConfigException(configFile, key, "file " + file + " not found", e);
        } catch (IOException e) {
            throw new ConfigException(configFile, key, "file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
