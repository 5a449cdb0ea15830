package org.topupkiosk.device.fiscal.shtrih;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A command as the host sends it: the code, the 4-byte password (little-endian) every command used here starts with,
 * and the command's own parameters (the layouts in {@link ShtrihStatusMessages}, {@link ShtrihFnMessages} and
 * {@link ShtrihReceiptMessages}). The driver encodes it; the emulator decodes it.
 */
public record ShtrihRequest(ShtrihCommand command, long password, byte[] params) {

    public ShtrihRequest {
        params = params.clone();
        if (password < 0 || password > 0xFFFF_FFFFL) {
            throw new ShtrihFormatException("request.password", password + " is not 4 bytes");
        }
    }

    public static ShtrihRequest of(ShtrihCommand command, long password) {
        return new ShtrihRequest(command, password, new byte[0]);
    }

    @Override
    public byte[] params() {
        return params.clone();
    }

    public ShtrihFrame frame() {
        return new ShtrihFrame(new ShtrihBytes.Writer().bytes(command.codeBytes()).le("request.password", password, 4)
                .bytes(params).toBytes());
    }

    public static ShtrihRequest decode(ShtrihFrame frame) {
        byte[] body = frame.body();
        int code = ShtrihCommand.codeAt(body, "request.command");
        ShtrihCommand command = ShtrihCommand.require(code, "request.command");
        ShtrihBytes.Reader in = new ShtrihBytes.Reader(Arrays.copyOfRange(body, ShtrihCommand.codeLength(code),
                body.length));
        long password = in.le("request.password", 4);
        return new ShtrihRequest(command, password, in.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShtrihRequest r && r.command == command && r.password == password
                && Arrays.equals(r.params, params);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return "ShtrihRequest[" + command + " " + HexFormat.ofDelimiter(" ").formatHex(params) + "]";
    }
}
