package org.topupkiosk.app.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One datagram to an AF_UNIX socket, through libc's {@code socket}, {@code sendto} and {@code close} (JNA): Java 17
 * has unix-domain stream channels but no datagrams, and systemd's notify socket takes datagrams only. Linux only; the
 * constants below are the same on x86-64, arm64 and 32-bit ARM.
 */
final class UnixDatagram {

    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int MSG_NOSIGNAL = 0x4000;

    /** {@code sizeof(sun_path)} in {@code struct sockaddr_un}. */
    static final int SUN_PATH_MAX = 108;

    /** The libc calls; loaded on first use, so a kiosk without NOTIFY_SOCKET never loads JNA's native part. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private UnixDatagram() {}

    /**
     * Sends {@code payload} as one datagram to {@code socket}: a file system path, or {@code @name} for a socket in
     * the abstract namespace (its address is a NUL byte and the name, without a trailing NUL).
     *
     * @throws IOException when the socket cannot be made or the datagram is refused (errno in the message)
     */
    static void send(String socket, byte[] payload) throws IOException {
        byte[] addr = sockaddr(socket);
        LibC libc = Holder.LIBC;
        int fd;
        try {
            fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM) failed: errno " + e.getErrorCode(), e);
        }
        try {
            long sent = libc.sendto(fd, payload, new NativeLong(payload.length), MSG_NOSIGNAL, addr, addr.length)
                    .longValue();
            if (sent != payload.length) {
                throw new IOException("sendto " + socket + " sent " + sent + " of " + payload.length + " bytes");
            }
        } catch (LastErrorException e) {
            throw new IOException("sendto " + socket + " failed: errno " + e.getErrorCode(), e);
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException e) {
                // the datagram went or did not; a failed close of a datagram socket changes nothing
            }
        }
    }

    /**
     * {@code struct sockaddr_un} for {@code socket}, cut to the length the kernel is given: the family (native byte
     * order), then the path with its NUL, or for {@code @name} a NUL and the name.
     *
     * @throws IllegalArgumentException for a relative path, an empty name or one longer than {@code sun_path}
     */
    static byte[] sockaddr(String socket) {
        boolean abstractName = socket.startsWith("@");
        if (!abstractName && !socket.startsWith("/")) {
            throw new IllegalArgumentException("NOTIFY_SOCKET must be an absolute path or @name, not '" + socket + "'");
        }
        byte[] name = (abstractName ? socket.substring(1) : socket).getBytes(StandardCharsets.UTF_8);
        // sun_path holds: the abstract name after its leading NUL, or the path and its trailing NUL.
        int pathBytes = name.length + 1;
        if (name.length == 0 || pathBytes > SUN_PATH_MAX) {
            throw new IllegalArgumentException("NOTIFY_SOCKET '" + socket + "' must be 1 to " + (SUN_PATH_MAX - 1)
                    + " bytes long");
        }
        ByteBuffer b = ByteBuffer.allocate(2 + pathBytes).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_UNIX);
        if (abstractName) {
            b.put((byte) 0).put(name);
        } else {
            b.put(name).put((byte) 0);
        }
        return b.array();
    }
}
