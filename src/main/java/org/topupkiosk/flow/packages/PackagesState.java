package org.topupkiosk.flow.packages;

import java.util.List;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.flow.core.Session;

/** The balance answer and the carrier's package list of one session; see {@link BalanceAndPackages}. */
final class PackagesState {

    List<CatalogEntry> packages = List.of();
    int packagePage;
    Balance balance;

    static PackagesState of(Session s) {
        return s.part(PackagesState.class, PackagesState::new);
    }
}
