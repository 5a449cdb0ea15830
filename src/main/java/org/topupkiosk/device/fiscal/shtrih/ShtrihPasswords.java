package org.topupkiosk.device.fiscal.shtrih;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two passwords a Shtrih-M register asks for: the operator's (cashier commands: receipts, printing) and the system
 * administrator's (reports and the fiscal storage commands). A register from the factory has 30 for both; a
 * commissioned one should have its own, kept in a secrets file of two lines {@code operator=NNN} and {@code admin=NNN}
 * (numbers up to 4294967295), never in the config or on a command line.
 */
public record ShtrihPasswords(long operator, long admin) {

    public static final ShtrihPasswords FACTORY = new ShtrihPasswords(30, 30);

    public ShtrihPasswords {
        if (operator < 0 || operator > 0xFFFF_FFFFL || admin < 0 || admin > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a register password is a number from 0 to 4294967295");
        }
    }

    @Override
    public String toString() {
        return "ShtrihPasswords[operator=***, admin=***]";
    }

    public long of(ShtrihCommand command) {
        return command.password == ShtrihCommand.Password.ADMIN ? admin : operator;
    }

    /** Reads a secrets file; every problem names the file and the line, never the password itself. */
    public static ShtrihPasswords read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static ShtrihPasswords parse(String source, List<String> lines) {
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !(key.equals("operator") || key.equals("admin"))) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": expected operator=NUMBER or admin=NUMBER");
            }
            String value = line.substring(eq + 1).strip();
            if (!value.matches("\\d{1,10}") || Long.parseLong(value) > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + key
                        + " is not a number from 0 to 4294967295");
            }
            if (values.put(key, Long.parseLong(value)) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + key + " given twice");
            }
        }
        for (String key : List.of("operator", "admin")) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(source + ": no " + key + "= line");
            }
        }
        return new ShtrihPasswords(values.get("operator"), values.get("admin"));
    }
}
