package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.NumberingImport;
import org.topupkiosk.config.NumberingPlanLoader;
import org.topupkiosk.domain.NumberingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kioskctl numbering import FILE}: the official DEF registry export (DEF-9xx.csv) checked line by line and put
 * in place of the configured numbering file; {@code kioskctl numbering show}: the plan in place and its date.
 */
@Command(name = "numbering", description = "The numbering plan: which operator a number range belongs to.",
        mixinStandardHelpOptions = true, subcommands = {NumberingCommand.Import.class, NumberingCommand.Show.class})
public final class NumberingCommand extends CommandGroup {

    /** The lines the import prints of registry operators in none of the mapping's lists. */
    static final int UNLISTED_SHOWN = 15;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check the official DEF registry CSV (UTF-8 or windows-1251) and, when every line is right, "
                    + "replace the configured numbering file with it atomically. The kiosk uses it from its next start."
                    + " Exit 0 when imported, 1 when the file has errors (nothing replaced), 2 on a configuration error.")
    static final class Import extends KioskctlCommand {

        @Parameters(paramLabel = "FILE", description = "The registry export, e.g. DEF-9xx.csv.")
        Path file;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk-config/kiosk.yaml",
                description = "Config file naming the numbering file to replace (default: ${DEFAULT-VALUE}).")
        Path config;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "The registry's date (from its download page); default: a date in FILE's name, or today.")
        String date;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LocalDate day;
            NumberingPlanLoader loader;
            KioskConfig cfg;
            try {
                day = date == null ? null : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                err.println("--date: \"" + date + "\" is not a date (expected YYYY-MM-DD, e.g. 2026-12-01)");
                err.flush();
                return 2;
            }
            try {
                cfg = ConfigLoader.loadKioskConfig(config);
                // The plan in place is not read: it may be the very thing this import repairs.
                loader = ConfigLoader.numberingLoader(cfg, ConfigLoader.loadCatalog(cfg.catalogFile()));
            } catch (ConfigException e) {
                return problems(err, "config error", e, 2);
            }
            NumberingImport.Report r;
            try {
                r = new NumberingImport(loader, Clock.systemDefaultZone()).run(file, cfg.numberingFile(), day);
            } catch (ConfigException e) {
                return problems(err, "numbering import refused", e, 1);
            }
            NumberingPlan.Source s = r.source();
            out.printf("numbering imported: %s -> %s date=%s rows=%d ranges=%d charset=%s%n", s.file(), r.target(),
                    s.date(), s.rows(), r.plan().size(), r.charset().name());
            r.rangesByOperator().forEach((id, n) -> out.printf("  %-8s %d ranges%n", id, n));
            List<Map.Entry<String, Integer>> unlisted = r.unlisted();
            if (!unlisted.isEmpty()) {
                out.printf("  %d registry operator(s) in no list of %s, kept as other operators; add a name there "
                        + "if the kiosk tops it up:%n", unlisted.size(), "numbering/operators.yaml");
                unlisted.stream().limit(UNLISTED_SHOWN).forEach(e -> out.printf("    %s (%d ranges)%n", e.getKey(),
                        e.getValue()));
            }
            out.println("restart the kiosk to use it (systemctl restart topup-kiosk); the previous plan is kept as "
                    + r.target().getFileName() + ".previous");
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the numbering plan in place: its date, source file, rows and ranges. Exit 0, or 2 on "
                    + "a configuration error.")
    static final class Show extends KioskctlCommand {

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk-config/kiosk.yaml",
                description = "Config file (default: ${DEFAULT-VALUE}).")
        Path config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                KioskConfig cfg = ConfigLoader.loadKioskConfig(config);
                NumberingPlan plan = ConfigLoader.numberingLoader(cfg, ConfigLoader.loadCatalog(cfg.catalogFile()))
                        .load(cfg.numberingFile()).plan();
                out.println(describe(plan, cfg.numberingFile()));
                out.flush();
                return 0;
            } catch (ConfigException e) {
                return problems(spec.commandLine().getErr(), "config error", e, 2);
            }
        }
    }

    /** One line: {@code numbering plan: date=2026-12-01 source=DEF-9xx.csv rows=... ranges=... imported=...}. */
    static String describe(NumberingPlan plan, Path file) {
        return plan.source().map(s -> String.format("numbering plan: %s date=%s source=%s rows=%d ranges=%d imported=%s",
                        file, s.date(), s.file(), s.rows(), plan.size(), s.importedAt()))
                .orElse(String.format("numbering plan: %s ranges=%d, not imported with kioskctl numbering import "
                        + "(date unknown)", file, plan.size()));
    }

    private static int problems(PrintWriter err, String title, ConfigException e, int code) {
        err.println(title + ":");
        e.problems().forEach(p -> err.println("  " + p));
        err.flush();
        return code;
    }
}
