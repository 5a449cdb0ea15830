package org.topupkiosk.flow.fiscalshift;

import java.time.Instant;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalStatus;

/**
 * The register as the shift keeper last saw it, for the service menu and the health endpoint (which must not wait on
 * the register's line).
 *
 * @param status  the last status the register answered; empty before the first answer
 * @param readAt  when it answered
 * @param error   the last call's failure, empty when it worked
 * @param closeFrom when the open shift is due to be closed; empty with no shift open
 */
public record ShiftReading(Optional<FiscalStatus> status, Optional<Instant> readAt, Optional<String> error,
                           Optional<Instant> closeFrom) {

    public static final ShiftReading NONE = new ShiftReading(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
}
