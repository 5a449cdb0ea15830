package org.topupkiosk.ui.service;

import org.topupkiosk.flow.service.ServiceDesk;

/** Exit: the only way out of the kiosk application, behind "are you sure?". */
final class ExitSection extends MenuSection {

    private final Runnable cancel;

    ExitSection(ServiceDesk desk, MenuCard card, Runnable cancel) {
        super(desk, card);
        this.cancel = cancel;
    }

    @Override
    void open() {
        card.replace(t -> ServiceWidgets.confirm(t, "service-exit", ServiceKeys.EXIT_TITLE,
                ServiceWidgets.text("body", t.get(ServiceKeys.EXIT_BODY)), ServiceKeys.EXIT_CONFIRM, "danger", cancel,
                desk::exitApplication));
    }
}
