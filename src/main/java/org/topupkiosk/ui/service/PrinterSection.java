package org.topupkiosk.ui.service;

import java.util.List;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;

/** The printer section: a test page between customer receipts, and whether it came out. */
final class PrinterSection extends MenuSection {


    PrinterSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    @Override
    void open() {
        card.show(t -> List.of(ServiceWidgets.action(t, "service-print-test", ServiceKeys.PRINTER_RUN, this::printTest)));
    }

    private void printTest() {
        card.load(desk.printTest(card.texts().lang()), (ok, out) -> {
            Texts texts = card.texts();
            out.add(ServiceWidgets.verdict("service-printer-result", ok, texts.get(ServiceKeys.PRINTER_PRINTED),
                    texts.get(ServiceKeys.PRINTER_FAILED)));
            out.add(ServiceWidgets.action(texts, "service-print-test", ServiceKeys.PRINTER_RUN, this::printTest));
        });
    }
}
