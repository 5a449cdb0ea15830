package org.topupkiosk.device.fiscal.shtrih;

import java.util.Arrays;
import java.util.HexFormat;
import org.topupkiosk.device.DeviceException;

/**
 * The register's answer: the command code it answers, the error byte ({@link ShtrihErrors}) and the answer's data.
 * The emulator encodes it; the driver decodes it and checks that it answers the command it sent.
 */
public record ShtrihAnswer(int command, int error, byte[] data) {

    public ShtrihAnswer {
        data = data.clone();
        if (error < 0 || error > 0xFF) {
            throw new ShtrihFormatException("answer.error", error + " is not a byte");
        }
    }

    public static ShtrihAnswer ok(ShtrihCommand command, byte[] data) {
        return new ShtrihAnswer(command.code, ShtrihErrors.OK, data);
    }

    public static ShtrihAnswer refused(ShtrihCommand command, int error) {
        return new ShtrihAnswer(command.code, error, new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean ok() {
        return error == ShtrihErrors.OK;
    }

    public ShtrihFrame frame() {
        byte[] code = command > 0xFF ? new byte[] {(byte) 0xFF, (byte) command} : new byte[] {(byte) command};
        return new ShtrihFrame(new ShtrihBytes.Writer().bytes(code).u8("answer.error", error).bytes(data).toBytes());
    }

    public static ShtrihAnswer decode(ShtrihFrame frame) {
        byte[] body = frame.body();
        int code = ShtrihCommand.codeAt(body, "answer.command");
        ShtrihBytes.Reader in = new ShtrihBytes.Reader(Arrays.copyOfRange(body, ShtrihCommand.codeLength(code),
                body.length));
        int error = in.u8("answer.error");
        return new ShtrihAnswer(code, error, in.rest());
    }

    /** The data of a successful answer; a refusal becomes the {@link DeviceException} its code maps to. */
    public byte[] dataOrThrow(ShtrihCommand sent) throws DeviceException {
        if (!ok()) {
            throw ShtrihErrors.exception(sent, error);
        }
        return data();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShtrihAnswer a && a.command == command && a.error == error && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return command * 31 + error * 7 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ShtrihAnswer[" + ShtrihCommand.hex(command) + " err=" + String.format("%02X", error) + " "
                + HexFormat.ofDelimiter(" ").formatHex(data) + "]";
    }
}
