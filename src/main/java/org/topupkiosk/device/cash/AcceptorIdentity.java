package org.topupkiosk.device.cash;

import java.util.List;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/** What a serial bill acceptor says about itself once started: for the service tool and the service screen. */
public interface AcceptorIdentity {

    record Identity(String part, String serial) {}

    /** Part and serial number from the device, once it has answered. */
    Optional<Identity> identity();

    /** The notes the device's own table knows, ascending, once read; empty before. */
    List<Money> denominations();
}
