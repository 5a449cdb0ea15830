package org.topupkiosk.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local address to listen on, as written in kiosk.yaml ({@code health.listen}): {@code off}, or {@code HOST:PORT}
 * where HOST is an IPv4 address ({@code 127.0.0.1}), an IPv6 address in brackets ({@code [::1]}) or {@code localhost}
 * (127.0.0.1), and PORT is 1..65535. Never a name to look up: a kiosk must not wait on DNS to start, and a name could
 * resolve to another interface than the one the file seems to say.
 */
public final class ListenAddress {

    /** What {@code health.listen} means when the key is absent. */
    public static final String DEFAULT = "127.0.0.1:8780";

    static final String EXPECTED = "expected HOST:PORT such as 127.0.0.1:8780 or [::1]:8780 (an IP address or"
            + " localhost, port 1..65535), or off";

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]*\\]|[^:\\[\\]]*):([^:]*)");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})\\]");

    /** Why a listen address was refused: {@link #getMessage()} completes "health.listen: \"...\" ...". */
    public static final class BadAddress extends Exception {
        private static final long serialVersionUID = 1L;

        BadAddress(String message) {
            super(message);
        }
    }

    private ListenAddress() {}

    /**
     * The address in {@code text}, resolved without any look-up, or empty for {@code off}.
     *
     * @throws BadAddress when the text is neither; the message says what is wrong and what is expected
     */
    public static Optional<InetSocketAddress> parse(String text) throws BadAddress {
        if (text == null) {
            throw new BadAddress("is empty (" + EXPECTED + ")");
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Matcher m = HOST_PORT.matcher(t);
        if (!m.matches()) {
            throw new BadAddress("is not HOST:PORT (" + EXPECTED + ")");
        }
        InetAddress host = host(m.group(1));
        return Optional.of(new InetSocketAddress(host, port(m.group(2))));
    }

    /** How {@code address} is written in kiosk.yaml: {@code 127.0.0.1:8780}, {@code [::1]:8780}. */
    public static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** True for 127.0.0.0/8 and ::1 (and an IPv4-mapped 127.x): only this machine can connect. */
    public static boolean isLoopback(InetSocketAddress address) {
        return address.getAddress().isLoopbackAddress();
    }

    private static InetAddress host(String host) throws BadAddress {
        if (host.isEmpty()) {
            throw new BadAddress("has no host (" + EXPECTED + ")");
        }
        try {
            if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
                return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            }
            Matcher v4 = IPV4.matcher(host);
            if (v4.matches()) {
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        throw new BadAddress("has " + octet + " in an IPv4 address (each part is 0..255; "
                                + EXPECTED + ")");
                    }
                    b[i] = (byte) octet;
                }
                return InetAddress.getByAddress(b);
            }
            if (IPV6.matcher(host).matches()) {
                // Brackets and hex digits only: the JDK parses it as a literal and never asks DNS.
                return InetAddress.getByName(host);
            }
        } catch (UnknownHostException e) {
            throw new BadAddress("has \"" + host + "\", which is not an IP address (" + EXPECTED + ")");
        }
        throw new BadAddress("has host \"" + host + "\", which is not an IP address or localhost (host names are not"
                + " looked up; " + EXPECTED + ")");
    }

    private static int port(String port) throws BadAddress {
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new BadAddress("has port \"" + port + "\" (expected 1..65535; " + EXPECTED + ")");
        }
        return Integer.parseInt(port);
    }
}
