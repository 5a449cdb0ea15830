package org.topupkiosk.ui.service;

import static org.topupkiosk.ui.service.ServiceWidgets.text;

import javafx.scene.control.Label;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;

/** The journal section: checks the journal's chain and invariants and shows the verdict and the first violations. */
final class JournalSection extends MenuSection {


    JournalSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    @Override
    void open() {
        card.load(desk.verify(), (r, out) -> {
            Texts texts = card.texts();
            Label verdict = ServiceWidgets.verdict("service-journal-verdict", r.ok(),
                    texts.get(ServiceKeys.JOURNAL_OK), texts.get(ServiceKeys.JOURNAL_VIOLATIONS, r.violations().size()));
            out.add(verdict);
            out.add(text("service-code", r.summary()));
            r.violations().stream().limit(ServiceWidgets.MAX_ROWS).forEach(v -> out.add(text("service-code", v)));
            out.add(ServiceWidgets.action(texts, "service-journal-run", ServiceKeys.JOURNAL_RUN, this::open));
        });
    }
}
