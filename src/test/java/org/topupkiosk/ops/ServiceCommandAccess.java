package org.topupkiosk.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.topupkiosk.service.PinHash;

/** For tests outside this package: writes a service PIN file as {@code kioskctl service set-pin} does. */
public final class ServiceCommandAccess {

    private ServiceCommandAccess() {}

    public static void writePin(Path file, String pin) throws IOException {
        ServiceCommand.SetPin.write(file, PinHash.create(pin.toCharArray(), new SecureRandom()).format());
    }
}
