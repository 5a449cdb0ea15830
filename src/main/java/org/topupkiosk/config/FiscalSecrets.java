package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The fiscal register's passwords, from the owner-only file {@code fiscal.secretsFile} (never from kiosk.yaml): the
 * operator's, which registers receipts and opens shifts, and the administrator's, which closes them and prints reports.
 * The file is two YAML lines, {@code operator: 30} and {@code admin: 30} (the register's own numbers; Shtrih-M ships
 * with 1-28 for operators and 30 for the administrator, which a technician changes at commissioning). A file that group
 * or others may read is refused, as the carrier key's is. Messages never repeat a password. The emulated register
 * without a file uses {@link #EMULATOR}.
 */
public final class FiscalSecrets {


    /** The emulator's passwords, public on purpose: the factory ones. */
    public static final FiscalSecrets EMULATOR = new FiscalSecrets(30, 30);

    /** Passwords are 4 bytes on the Shtrih-M wire. */
    static final long MAX = 0xFFFF_FFFFL;

    private final long operator;
    private final long admin;

    private FiscalSecrets(long operator, long admin) {
        this.operator = operator;
        this.admin = admin;
    }

    public long operatorPassword() {
        return operator;
    }

    public long adminPassword() {
        return admin;
    }

    /**
     * The passwords of {@code fiscal}: from its secrets file, or {@link #EMULATOR} for an emulated register without
     * one. Throws for a real register without a file (ConfigLoader has said so already) or a file that is not right.
     */
    public static FiscalSecrets load(KioskConfig.Fiscal fiscal, Path configFile) throws ConfigException {
        String key = "fiscal.secretsFile";
        if (fiscal.secretsFile().isEmpty()) {
            if (fiscal.emulated() || !fiscal.enabled()) {
                return EMULATOR;
            }
            throw new ConfigException(configFile, key, "is missing (expected an owner-only file with operator: and"
                    + " admin: passwords)");
        }
        Path file = fiscal.secretsFile().get();
        OwnerOnlyFile.require(file, configFile, key, "fiscal secrets file");
        ObjectNode tree;
        try {
            tree = YamlFiles.read(file, "fiscal secrets file");
        } catch (ConfigException e) {
            // YAML messages can quote the line they failed on: name the file and the line only.
            throw new ConfigException(configFile, key, "secrets file " + file + " is not YAML mappings"
                    + " (expected two lines: operator: 30 and admin: 30)");
        }
        List<String> problems = new ArrayList<>();
        long op = password(tree, "operator", file, problems);
        long ad = password(tree, "admin", file, problems);
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("operator") && !n.equals("admin")) {
                problems.add("secrets file " + file + ": unknown key " + n + " (known keys: operator, admin)");
            }
        }
        if (!problems.isEmpty()) {
            List<ConfigException.Problem> list = new ArrayList<>();
            problems.forEach(p -> list.add(new ConfigException.Problem(configFile, key, p)));
            throw new ConfigException(list);
        }
        return new FiscalSecrets(op, ad);
    }

    private static long password(ObjectNode tree, String name, Path file, List<String> problems) {
        JsonNode v = tree.get(name);
        if (v == null || v.isNull()) {
            problems.add("secrets file " + file + ": " + name + " is missing (expected " + name + ": and the"
                    + " register's password, a whole number)");
            return -1;
        }
        String text = v.isIntegralNumber() || v.isTextual() ? v.asText().strip() : "";
        if (!text.matches("\\d{1,10}") || Long.parseLong(text) > MAX) {
            problems.add("secrets file " + file + ": " + name + " is not a register password (expected a whole"
                    + " number 0.." + MAX + ")");
            return -1;
        }
        return Long.parseLong(text);
    }

    @Override
    public String toString() {
        return "FiscalSecrets[operator=***, admin=***]";
    }
}
