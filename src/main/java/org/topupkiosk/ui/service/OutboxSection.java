package org.topupkiosk.ui.service;

import static org.topupkiosk.ui.service.ServiceWidgets.text;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.topupkiosk.flow.service.OutboxInfo;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/** The outbox section: what is still to be sent to the carrier, and "sync now". */
final class OutboxSection extends MenuSection {


    OutboxSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    @Override
    void open() {
        card.load(desk.outbox(), this::outbox);
    }

    private void outbox(OutboxInfo s, List<Node> out) {
        Texts texts = card.texts();
        Label pending = text("service-row-title", texts.get(ServiceKeys.OUTBOX_PENDING, s.pendingCount()));
        pending.setId("service-outbox-pending");
        out.add(pending);
        if (s.pendingCount() > 0) {
            out.add(text("body", texts.get(ServiceKeys.OUTBOX_OLDEST, ServiceWidgets.hms(s.oldestPendingAge()))));
            out.add(text("body", texts.get(ServiceKeys.OUTBOX_ATTEMPTS, s.maxAttempts())));
        }
        if (s.conflictCount() > 0) {
            Label conflicts = text("service-bad", texts.get(ServiceKeys.OUTBOX_CONFLICTS, s.conflictCount()));
            conflicts.setId("service-outbox-conflicts");
            out.add(conflicts);
        }
        if (s.lastError() != null) {
            out.add(text("service-code", texts.get(ServiceKeys.OUTBOX_LAST_ERROR, s.lastError())));
        }
        Button sync = Ui.button("service-sync", "bar-button", "primary");
        sync.setText(texts.get(ServiceKeys.OUTBOX_SYNC));
        sync.setOnAction(e -> card.load(desk.syncNow(), (after, o) -> {
            o.add(text("service-good", card.texts().get(ServiceKeys.OUTBOX_SYNC_STARTED)));
            outbox(after, o);
        }));
        out.add(sync);
    }
}
