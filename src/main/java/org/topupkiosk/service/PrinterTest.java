package org.topupkiosk.service;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.ReceiptDesk;

/** The printer's test: its status, then the test page (both scripts, large type, a QR code, the cut). */
public final class PrinterTest implements DeviceTest {

    private final ReceiptDesk desk;

    public PrinterTest(ReceiptDesk desk) {
        this.desk = desk;
    }

    @Override
    public String device() {
        return "printer";
    }

    @Override
    public boolean run(Lang lang, Consumer<String> progress) throws InterruptedException {
        try {
            DeviceHealth h = desk.printerHealth().get();
            progress.accept("status " + h.state().name().toLowerCase(Locale.ROOT) + ": " + h.detail());
            CompletableFuture<Boolean> printed = new CompletableFuture<>();
            desk.printTest(lang, printed::complete);
            boolean ok = printed.get();
            progress.accept(ok ? "test page printed" : "test page did not print");
            return ok;
        } catch (ExecutionException e) {
            progress.accept("failed: " + e.getCause());
            return false;
        }
    }
}
