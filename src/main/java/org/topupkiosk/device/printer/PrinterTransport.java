package org.topupkiosk.device.printer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How bytes reach a receipt printer, written in config as {@code serial:/dev/ttyS0}, {@code file:/dev/usb/lp0} or
 * {@code tcp://host:9100} (port 9100 is the raw "JetDirect" printing port most network receipt printers listen on).
 */
public sealed interface PrinterTransport {

    record Serial(String port) implements PrinterTransport {
        @Override
        public String toString() {
            return "serial:" + port;
        }
    }

    record File(String path) implements PrinterTransport {
        @Override
        public String toString() {
            return "file:" + path;
        }
    }

    record Tcp(String host, int port) implements PrinterTransport {
        @Override
        public String toString() {
            return "tcp://" + host + ":" + port;
        }
    }

    Pattern SERIAL_PORT = Pattern.compile("/dev/[A-Za-z0-9._/-]+|COM[1-9][0-9]{0,2}");
    Pattern DEVICE_FILE = Pattern.compile("/[A-Za-z0-9._/-]+");
    Pattern TCP = Pattern.compile("tcp://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\])(?::(\\d{1,5}))?");

    /** The expected forms, for messages. */
    String FORMS = "serial:/dev/ttyS0, file:/dev/usb/lp0 or tcp://host:9100";

    /** Parses the config form; throws IllegalArgumentException saying what was expected. */
    static PrinterTransport parse(String text) {
        String s = text.strip();
        if (s.startsWith("serial:")) {
            String port = s.substring("serial:".length());
            if (!SERIAL_PORT.matcher(port).matches()) {
                throw new IllegalArgumentException("serial port \"" + port + "\" is not a device such as /dev/ttyS0 or COM3");
            }
            return new Serial(port);
        }
        if (s.startsWith("file:")) {
            String path = s.substring("file:".length());
            if (!DEVICE_FILE.matcher(path).matches() || path.contains("..")) {
                throw new IllegalArgumentException("\"" + path + "\" is not an absolute device path such as /dev/usb/lp0");
            }
            return new File(path);
        }
        Matcher m = TCP.matcher(s);
        if (m.matches()) {
            int port = m.group(2) == null ? 9100 : Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("TCP port " + port + " is out of range (expected 1..65535)");
            }
            return new Tcp(m.group(1), port);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a printer transport (expected " + FORMS + ")");
    }
}
