package org.topupkiosk.service;

import java.util.function.Consumer;
import org.topupkiosk.domain.Lang;

/**
 * One device's test for the service menu: each device (bill acceptor, printer, and the scanner, SIM reader and GPIO
 * as their drivers land) adds one, and the menu lists them. A test blocks while it runs, so the console runs it on its
 * own thread; it reports what it sees as it goes, in the technician's terms (the lines {@code kioskctl} prints), and
 * answers whether the device passed.
 */
public interface DeviceTest {

    /** The device's name as {@link org.topupkiosk.device.DeviceHealth#device()} gives it ("bill-acceptor"). */
    String device();

    /**
     * Runs the test; {@code progress} gets one line per step or event, on the test's thread. {@code lang} is the
     * technician's, for anything the test prints.
     */
    boolean run(Lang lang, Consumer<String> progress) throws InterruptedException;
}
