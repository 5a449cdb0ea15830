package org.topupkiosk.health;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.OutboxStatus;

/**
 * One reading of the kiosk for {@code /metrics}: its devices, the printer's paper, and from the journal the cash box,
 * the outbox, its size and the last payment. A part that could not be read is empty, and its metrics are left out of
 * that scrape rather than reported as zero.
 *
 * @param devices        each device's health as its driver reports it
 * @param paper          the receipt printer's paper sensor
 * @param cashBox        the notes in the cash box since the last encashment, as the next encashment would take them
 * @param outbox         payments waiting for the carrier
 * @param journalBytes   the journal file and its write-ahead log, in bytes
 * @param lastPaymentAge how long ago the last payment was submitted; empty when the journal has none
 */
public record KioskSample(List<DeviceHealth> devices, Paper paper, Optional<Encashment> cashBox,
                          Optional<OutboxStatus> outbox, OptionalLong journalBytes, Optional<Duration> lastPaymentAge) {

    /** Nothing read: no devices, no journal (a kiosk whose journal is damaged has only its health and uptime). */
    public static final KioskSample NONE = new KioskSample(List.of(), Paper.UNKNOWN, Optional.empty(),
            Optional.empty(), OptionalLong.empty(), Optional.empty());

    public KioskSample {
        devices = List.copyOf(devices);
    }

    /** The printer's paper sensor; UNKNOWN while the printer does not answer its status request. */
    public enum Paper {
        OK, NEAR_END, OUT, UNKNOWN;

        /** The label value in {@code kiosk_printer_paper{state="..."}}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The paper state in a printer's health as the ESC/POS driver words it ("paper out", "paper near end", else
         * ready): unknown when the printer is offline or failed for another reason (its paper sensor was not read).
         */
        public static Paper of(DeviceHealth printer) {
            if (printer == null || printer.state() == DeviceHealth.State.OFFLINE) {
                return UNKNOWN;
            }
            String detail = printer.detail() == null ? "" : printer.detail().toLowerCase(Locale.ROOT);
            if (detail.contains("paper out")) {
                return OUT;
            }
            if (detail.contains("paper near end")) {
                return NEAR_END;
            }
            return printer.usable() ? OK : UNKNOWN;
        }
    }
}
