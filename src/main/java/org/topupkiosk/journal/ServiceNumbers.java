package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.topupkiosk.domain.Msisdn;

/**
 * The full number of a request that is not an order (a scratch-card redemption, an auto top-up), kept apart from the
 * audit chain, which holds only the masked number: "My payments" finds the request through this table (V4).
 */
final class ServiceNumbers {

    private ServiceNumbers() {}

    /** Keeps {@code msisdn} under {@code ref}; a retry under the same ref keeps the first row. */
    static void keep(Connection c, String ref, String kind, Msisdn msisdn, long now) throws SQLException {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(msisdn, "msisdn");
        try (var st = c.prepareStatement("INSERT INTO service_numbers (ref, kind, msisdn, created_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (ref) DO NOTHING")) {
            st.setString(1, ref);
            st.setString(2, kind);
            st.setString(3, msisdn.e164());
            st.setLong(4, now);
            st.executeUpdate();
        }
    }
}
