package org.topupkiosk.device.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.printer.ReceiptPrinter;
import org.topupkiosk.domain.Receipt;

/**
 * A port-level printer for simulation mode until the ESC/POS driver and its emulator land: writes each receipt as
 * text under {@code dir}, and can run out of paper on demand.
 */
public final class EmulatedReceiptPrinter implements ReceiptPrinter {

    private final Path dir;
    private volatile boolean paperOut;
    private volatile Consumer<String> onPrinted = text -> { };

    public EmulatedReceiptPrinter(Path dir) {
        this.dir = dir;
    }

    public void setPaperOut(boolean paperOut) {
        this.paperOut = paperOut;
    }

    public void onPrinted(Consumer<String> listener) {
        this.onPrinted = listener;
    }

    @Override
    public void print(Receipt receipt) throws DeviceException {
        if (paperOut) {
            throw new DeviceException(DeviceException.Code.PAPER_OUT, "paper out");
        }
        String text = receipt.asText();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(receipt.id() + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.FAILURE, "cannot write " + dir, e);
        }
        onPrinted.accept(text);
    }

    @Override
    public DeviceHealth checkHealth() {
        return paperOut
                ? new DeviceHealth("printer", DeviceHealth.State.FAILED, "paper out")
                : new DeviceHealth("printer", DeviceHealth.State.OK, "emulated");
    }

    @Override
    public void close() {
        // nothing to release: files are closed after each receipt
    }
}
