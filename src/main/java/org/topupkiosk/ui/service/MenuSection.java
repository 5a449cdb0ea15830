package org.topupkiosk.ui.service;

import org.topupkiosk.flow.service.ServiceDesk;

/** One section of the service menu: what its button opens in the card, answered by the desk. */
abstract class MenuSection {

    protected final ServiceDesk desk;
    protected final MenuCard card;

    MenuSection(ServiceDesk desk, MenuCard card) {
        this.desk = desk;
        this.card = card;
    }

    /** Draws the section's first look in the card (asking the desk when it needs an answer). */
    abstract void open();
}
