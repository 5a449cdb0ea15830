package org.topupkiosk.fleet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.TelemetryJournal;

/** What the office hears of a real journal's rows: a payment twice (submitted, confirmed), encashment, door, faults. */
class EventMapperTest {

    @TempDir
    Path dir;

    @Test
    void moneyAndCabinetRowsBecomeEventsAndTheRestStaysOnTheKiosk() {
        try (Journal j = Journal.open(dir.resolve("j.db"), "k1", Clock.systemUTC())) {
            TelemetryJournal t = j.telemetry();
            t.begin();
            Order o = j.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
            j.recordStacked(o.txnId(), Money.rub(100), "note-1");
            j.submit(o.txnId(), Money.rub(98), Money.rub(2), false, "{\"txn\":\"" + o.txnId() + "\"}");
            j.confirm(o.txnId(), "carrier-ref-1");
            j.audit("door_opened", null, "{\"screen\":\"idle\"}");
            j.audit("cash_box_removed", null, "{}");
            j.audit("acceptor_fault", null, "{\"code\":\"JAM\"}");
            j.audit("service_exit", null, "{}");
            j.encash("test");
            t.collect(new EventMapper(), 500);
            List<TelemetryJournal.Event> events = t.unsent(50);
            assertThat(events).extracting(TelemetryJournal.Event::kind).containsExactly("payment", "payment", "door",
                    "cash_box", "device_fault", "encashment");
            Map<String, String> submitted = EventMapper.read(events.get(0).dataJson());
            assertThat(submitted).containsEntry("txnId", o.txnId()).containsEntry("amountMinor", "9800")
                    .containsEntry("currency", "RUB").containsEntry("outcome", "pending")
                    .containsEntry("service", "topup");
            assertThat(submitted.get("msisdn")).contains("*").doesNotContain("1234567");
            assertThat(EventMapper.read(events.get(1).dataJson())).containsEntry("outcome", "confirmed");
            assertThat(EventMapper.read(events.get(2).dataJson())).containsEntry("state", "open");
            assertThat(EventMapper.read(events.get(3).dataJson())).containsEntry("state", "removed");
            assertThat(EventMapper.read(events.get(4).dataJson())).containsEntry("device", "bill_acceptor")
                    .containsEntry("state", "fault").containsEntry("detail", "JAM");
            assertThat(EventMapper.read(events.get(5).dataJson())).containsEntry("notes", "1")
                    .containsEntry("amountMinor", "10000");
            assertThat(j.verify().violations()).isEmpty();
        }
    }
}
