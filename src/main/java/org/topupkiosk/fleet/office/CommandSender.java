package org.topupkiosk.fleet.office;

import java.util.Map;

/** What the web page asks of the office: sign and publish one command. */
public interface CommandSender {

    /**
     * Signs and publishes a command to one kiosk.
     *
     * @return the command's id
     * @throws IllegalArgumentException a bad kiosk id, type or arguments (the message names which)
     * @throws IllegalStateException    the office cannot send now (no signing key, broker not connected)
     */
    String send(String kioskId, String type, Map<String, String> args);
}
