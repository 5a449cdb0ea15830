package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.topupkiosk.config.KioskConfig.Fiscal;
import org.topupkiosk.config.KioskConfig.FiscalRegisterType;
import org.topupkiosk.device.fiscal.FiscalReceipt.TaxSystem;
import org.topupkiosk.domain.Inn;
import org.topupkiosk.domain.SupplierInfo;

/**
 * Reads the {@code fiscal} section (docs/fiscal.md, "Configuration"). Values that are there are checked here: an INN
 * by its check digits, phones as +7 and ten digits, the line settings. Legal fields that are simply missing are not a
 * parse error: {@link FiscalLegal} names them all at once, beside the catalog's suppliers, when the register is on.
 */
final class FiscalSection {

    private FiscalSection() {}

    static Fiscal parse(Section s, Path baseDir) {
        FiscalRegisterType register = s.choice("register", FiscalRegisterType.NONE, FiscalRegisterType.class);
        boolean emulated = s.bool("emulated", false);
        Optional<String> port = nonBlank(s, "port");
        int baud = (int) s.integer("baud", Fiscal.DEFAULT_BAUD, 1200, 921_600, "baud");
        if (s.has("baud") && !Fiscal.BAUDS.contains(baud)) {
            s.problem("baud", baud + " is not a speed a Shtrih-M register is set to (expected one of " + Fiscal.BAUDS
                    + ")");
        }
        Optional<String> host = nonBlank(s, "host");
        int tcpPort = (int) s.integer("tcpPort", Fiscal.DEFAULT_TCP_PORT, 1, 65_535, "port number");
        Optional<Path> secrets = path(s, "secretsFile", baseDir);
        Optional<TaxSystem> tax = taxSystem(s);
        Fiscal.Agent agent = agent(s.section("agent"));
        int quietHour = (int) s.integer("quietHour", Fiscal.DEFAULT_QUIET_HOUR, 0, 23, "hour of the day (local time)");
        s.finish();
        if (register == FiscalRegisterType.NONE && emulated) {
            s.problem("emulated", "true needs a register to emulate (expected register: shtrih with emulated: true)");
        }
        if (register != FiscalRegisterType.NONE && !emulated && port.isPresent() && host.isPresent()) {
            s.problem("host", "give either port (serial, USB-CDC) or host with tcpPort (TCP), not both");
        }
        return new Fiscal(register, port, baud, host, tcpPort, secrets, tax, agent, quietHour, emulated);
    }

    /** Tag 1055 by the names an accountant uses: osn, usn_income, usn_income_minus_expense, eshn, patent. */
    private static Optional<TaxSystem> taxSystem(Section s) {
        JsonNode v = s.raw("taxSystem");
        if (v == null) {
            return Optional.empty();
        }
        String text = v.isTextual() ? v.asText().strip().toUpperCase(Locale.ROOT) : "";
        for (TaxSystem t : TaxSystem.values()) {
            if (t.name().equals(text)) {
                return Optional.of(t);
            }
        }
        s.problem("taxSystem", Section.describe(v) + " is not one of " + Section.choices(TaxSystem.class));
        return Optional.empty();
    }

    private static Fiscal.Agent agent(Section s) {
        Optional<String> name = nonBlank(s, "name");
        Optional<String> inn = inn(s, "inn");
        Optional<String> operation = nonBlank(s, "operation");
        List<String> phones = phones(s, "phones");
        List<String> operatorPhones = phones(s, "operatorPhones");
        s.finish();
        return new Fiscal.Agent(name, inn, operation, phones, operatorPhones);
    }

    /** An INN with valid check digits; a bad one is reported and read as missing. */
    static Optional<String> inn(Section s, String key) {
        JsonNode v = s.raw(key);
        Optional<String> inn = nonBlank(s, key);
        String why = inn.map(Inn::problem).orElse(null);
        if (why != null) {
            s.problem(key, "\"" + inn.get() + "\" " + why + (v != null && v.isNumber()
                    ? "; write it in quotes (inn: \"0123456789\") so leading zeros survive" : ""));
            return Optional.empty();
        }
        return inn;
    }

    /** A list of +7XXXXXXXXXX phones; one phone written without brackets counts as a list of one. */
    static List<String> phones(Section s, String key) {
        JsonNode v = s.raw(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        for (int i = 0; i < items.size(); i++) {
            String where = v.isArray() ? key + "[" + i + "]" : key;
            String why = phoneProblem(items.get(i));
            if (why != null) {
                s.problem(where, why);
            } else {
                out.add(items.get(i).asText().strip());
            }
        }
        return out;
    }

    /** Why a value is not a receipt phone, or null. */
    static String phoneProblem(JsonNode v) {
        if (v == null || !v.isTextual() || !v.asText().strip().matches(SupplierInfo.PHONE_PATTERN)) {
            return Section.describe(v) + " is not a phone as receipts carry it (expected +7 and 10 digits in quotes,"
                    + " e.g. \"+78001234567\")";
        }
        return null;
    }

    static Optional<String> nonBlank(Section s, String key) {
        String t = s.text(key, null);
        if (t != null && t.isBlank()) {
            s.problem(key, "is empty");
            return Optional.empty();
        }
        return Optional.ofNullable(t).map(String::strip);
    }

    private static Optional<Path> path(Section s, String key, Path baseDir) {
        Optional<String> t = nonBlank(s, key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(baseDir.resolve(t.get()).normalize());
        } catch (InvalidPathException e) {
            s.problem(key, "\"" + t.get() + "\" is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }
}
