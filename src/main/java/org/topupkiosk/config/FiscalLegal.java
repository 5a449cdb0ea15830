package org.topupkiosk.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topupkiosk.config.KioskConfig.Fiscal;
import org.topupkiosk.device.fiscal.FiscalReceipt.TaxSystem;

/**
 * The details a payment agent's fiscal receipt must carry (54-FZ art. 4.7, FFD 1.2 tags 1055, 1044, 1073, 1224-1226):
 * with a register on, every one missing from kiosk.yaml is named, one problem each, so the technician fixes them in one
 * round. The suppliers' details in the catalog are checked by the catalog's parser with the same rule.
 */
final class FiscalLegal {

    /** What a demo INN is told with a real register. */
    static final String DEMO_INN = "is demo data (region 00 does not exist): a real register sends it to the tax"
            + " service; put the real INN from the agent contract here";

    private FiscalLegal() {}

    /** The simulation's fictional INNs all start with region 00, which the tax service never issues. */
    static boolean demo(String inn) {
        return inn.startsWith("00");
    }

    /** Every legal field missing from the {@code fiscal} section; empty with {@code register: none}. */
    static List<ConfigException.Problem> missing(Path configFile, Fiscal fiscal) {
        List<ConfigException.Problem> out = new ArrayList<>();
        if (!fiscal.enabled()) {
            return out;
        }
        String why = " (fiscal.register is " + fiscal.register().name().toLowerCase(Locale.ROOT) + ": ";
        if (!fiscal.emulated() && fiscal.port().isEmpty() && fiscal.host().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.port", "is missing" + why + "the register is"
                    + " reached by port, e.g. /dev/ttyACM0, or by host and tcpPort, e.g. 192.168.1.50 and 7778)"));
        }
        if (!fiscal.emulated() && fiscal.secretsFile().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.secretsFile", "is missing" + why + "an owner-only"
                    + " file with the register's operator and administrator passwords, see docs/fiscal.md)"));
        }
        if (fiscal.taxSystem().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.taxSystem", "is missing" + why
                    + "tag 1055, one of " + Section.choices(TaxSystem.class)
                    + ")"));
        }
        Fiscal.Agent a = fiscal.agent();
        if (a.name().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.agent.name", "is missing" + why
                    + "the payment agent's name as registered with the tax service)"));
        }
        if (a.inn().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.agent.inn", "is missing" + why
                    + "the payment agent's INN, 10 or 12 digits in quotes)"));
        }
        if (!fiscal.emulated() && a.inn().filter(FiscalLegal::demo).isPresent()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.agent.inn", "\"" + a.inn().get() + "\" "
                    + DEMO_INN));
        }
        if (a.operation().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.agent.operation", "is missing" + why
                    + "the payment agent's operation, tag 1044, e.g. \"Приём платежа\")"));
        }
        if (a.phones().isEmpty()) {
            out.add(new ConfigException.Problem(configFile, "fiscal.agent.phones", "is missing" + why
                    + "the payment agent's phones, tag 1073, e.g. [\"+78001234567\"])"));
        }
        return out;
    }
}
