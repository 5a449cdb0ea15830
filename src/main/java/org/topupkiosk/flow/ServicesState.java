package org.topupkiosk.flow;

import java.util.List;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.flow.core.Session;

/** The balance answer and the carrier's package list of one session; see {@link CustomerServices}. */
final class ServicesState {

    List<CatalogEntry> packages = List.of();
    int packagePage;
    Balance balance;

    static ServicesState of(Session s) {
        return s.part(ServicesState.class, ServicesState::new);
    }
}
