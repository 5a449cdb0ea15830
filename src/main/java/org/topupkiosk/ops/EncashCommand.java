package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;
import org.topupkiosk.service.EncashmentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl encash}: the cash box count from the journal (read only), or with {@code --take} the encashment
 * itself, journaled like the service menu's, with its report as text. The journal and kiosk id come from the config,
 * so the report carries the kiosk's own id. The printed report comes from the service menu (Reprint).
 */
@Command(name = "encash", mixinStandardHelpOptions = true,
        description = "Count the notes in the cash box since the last encashment; --take journals the encashment.")
final class EncashCommand extends KioskctlCommand {

    @Option(names = "--config", defaultValue = "kiosk-config/kiosk.yaml", description = "Kiosk config (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--take", description = "Journal the encashment (the counters start again after it).")
    boolean take;

    @Option(names = "--lang", defaultValue = "ru", description = "Report language: ru, en or zh (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskConfig cfg = ConfigLoader.loadKioskConfig(config);
        Lang language;
        try {
            language = Lang.of(lang);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(cfg.journal().path())) {
            err.println("no journal at " + cfg.journal().path().toAbsolutePath());
            return 1;
        }
        try (Journal journal = Journal.open(cfg.journal().path(), cfg.kiosk().id(), Clock.systemDefaultZone())) {
            Encashment e = take ? journal.encash("kioskctl") : journal.cashBoxCount();
            if (take) {
                ReceiptLayouts layouts = new ReceiptLayouts(new Messages(), new ReceiptFacts.Kiosk(cfg.kiosk().id(),
                        cfg.kiosk().address(), cfg.kiosk().supportPhone().orElse(""), ""),
                        cfg.devices().printer().columns(), ZoneId.systemDefault());
                out.print(EncashmentReport.compose(layouts, e, journal.auditHead(), language).asText());
            } else {
                for (Encashment.NoteCount n : e.notes()) {
                    out.println("note=" + n.note().wholeUnits() + " count=" + n.count() + " amount=" + n.amount().plain());
                }
            }
            out.println((take ? "encashed id=" + e.id() + " " : "next=" + e.id() + " ") + "notes=" + e.noteCount()
                    + " total=" + e.total().plain());
            out.flush();
            return 0;
        }
    }
}
