package org.topupkiosk.fleet.office;

import java.time.Instant;
import java.util.List;
import org.topupkiosk.fleet.EventMessage;

/** The detail view of one kiosk: its row, recent events and commands (newest first). */
public record KioskDetail(KioskRow row, List<EventMessage> events, List<CommandView> commands, long duplicateEvents) {

    /**
     * A command the office sent (or an acknowledgement for one it does not know, type null) and its state:
     * {@code pending} until the kiosk answers, then the ack's status ({@code done}, {@code waiting}, {@code refused});
     * {@code expired} when no answer came before the command expired (the kiosk will refuse it now).
     */
    public record CommandView(String id, String type, Instant issuedAt, Instant expiresAt, String status,
                              String reason, Instant answeredAt) {
        static final String PENDING = "pending";
        static final String EXPIRED = "expired";
    }
}
