package org.topupkiosk.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.testing.SettableClock;

/** The fiscal register in /health and /metrics, over a real loopback HTTP server. */
class FiscalHealthTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aShiftOver24HoursAndAFailingRegisterTakeTheKioskOutAndTheMetricsShowTheRegister() throws Exception {
        SettableClock clock = new SettableClock();
        clock.set(LocalDateTime.parse("2026-12-08T11:30").atZone(MOSCOW).toInstant(), MOSCOW);
        AtomicReference<Optional<FiscalStatus>> status = new AtomicReference<>(Optional.empty());
        AtomicReference<Optional<String>> error = new AtomicReference<>(Optional.empty());
        FiscalHealth fiscal = new FiscalHealth(status::get, error::get, clock, MOSCOW);
        HealthStatus health = fiscal::reasons;
        KioskMetrics metrics = new KioskMetrics(health, () -> KioskSample.NONE, null, fiscal::reading);
        HttpClient http = HttpClient.newHttpClient();
        try (HealthServer server = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), health, metrics)) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            HttpResponse<String> h = get(http, base + "/health");
            assertThat(h.statusCode()).isEqualTo(200);
            assertThat(get(http, base + "/metrics").body()).doesNotContain("kiosk_fiscal_unsent_documents{")
                    .doesNotContain("kiosk_fiscal_unsent_documents ");

            status.set(Optional.of(new FiscalStatus(true, 7, Optional.of(LocalDateTime.parse("2026-12-07T10:00")),
                    false, "9999078900012345", LocalDate.parse("2026-12-20"), 3,
                    Optional.of(LocalDateTime.parse("2026-12-07T10:05")), 120, FiscalStatus.Paper.OK)));
            error.set(Optional.of("OFFLINE: no answer on /dev/ttyACM0"));
            h = get(http, base + "/health");
            assertThat(h.statusCode()).isEqualTo(503);
            assertThat(h.body()).contains("fiscal register: OFFLINE: no answer on /dev/ttyACM0")
                    .contains("fiscal register: shift 7 open for 25 h");
            String m = get(http, base + "/metrics").body();
            assertThat(m).contains("kiosk_fiscal_unsent_documents 3.0")
                    .contains("kiosk_fiscal_shift_age_seconds 91800.0")
                    .contains("kiosk_fiscal_fn_days_left 12.0");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
