package org.topupkiosk.ui.service;

import static org.topupkiosk.ui.service.ServiceWidgets.MAX_ROWS;
import static org.topupkiosk.ui.service.ServiceWidgets.text;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.topupkiosk.flow.service.Receipts;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/** The receipts section: the unprinted receipts customers are owed, then recent ones, each with "reprint". */
final class ReceiptsSection extends MenuSection {


    ReceiptsSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    @Override
    void open() {
        open(null);
    }

    /** The list, with the outcome of the last reprint above it when there was one. */
    private void open(Label outcome) {
        card.load(desk.receipts(), (Receipts r, List<Node> out) -> {
            Texts texts = card.texts();
            if (outcome != null) {
                out.add(outcome);
            }
            out.add(text("service-row-title", texts.get(ServiceKeys.RECEIPTS_UNPRINTED)));
            rows(texts, r.unprinted(), out);
            out.add(text("service-row-title", texts.get(ServiceKeys.RECEIPTS_RECENT)));
            rows(texts, r.recent().subList(0, Math.min(r.recent().size(), Math.max(2, MAX_ROWS - r.unprinted().size()))),
                    out);
        });
    }

    private void rows(Texts texts, List<Receipts.Row> rows, List<Node> out) {
        if (rows.isEmpty()) {
            out.add(text("hint", texts.get(ServiceKeys.RECEIPTS_NONE)));
        }
        for (Receipts.Row row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            Label what = text("service-code", row.receiptId() + "\n" + ServiceWidgets.time(row.createdAt()));
            HBox.setHgrow(what, Priority.ALWAYS);
            what.setMaxWidth(Double.MAX_VALUE);
            Button reprint = ServiceWidgets.button(texts, "service-reprint-" + row.receiptId(),
                    ServiceKeys.RECEIPTS_REPRINT, () -> reprint(row.receiptId()), "bar-button");
            HBox line = new HBox(what, reprint);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("service-row");
            out.add(line);
        }
    }

    private void reprint(String receiptId) {
        card.await(desk.reprint(receiptId), (ok, err) -> {
            Texts texts = card.texts();
            open(ServiceWidgets.verdict("service-reprint-result", err == null && Boolean.TRUE.equals(ok),
                    texts.get(ServiceKeys.RECEIPTS_PRINTED, receiptId),
                    texts.get(ServiceKeys.RECEIPTS_NOT_PRINTED, receiptId)));
        });
    }
}
