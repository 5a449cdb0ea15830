package org.topupkiosk.device.emulator.printer;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The printer emulator alone, for trying a driver or {@code kioskctl printer test} without hardware:
 * {@code --tcp PORT} listens on 127.0.0.1 like a network printer; {@code --device PATH} serves a pty end (socat) or
 * reads a named pipe. Receipts go to {@code --out DIR} as PNG (default var/receipts); {@code --paper-out} starts
 * without paper, {@code --columns 32} emulates 58 mm paper. {@code --realtime-everywhere} answers every DLE EOT pair in
 * the stream (inside raster and QR data too, as Epson's printers do), {@code --drawer-high} reports the drawer pin high
 * (0x16 to DLE EOT 1) and {@code --answer-delay-ms N} answers N ms late.
 */
public final class PrinterEmulatorMain {

    private PrinterEmulatorMain() {}

    public static void main(String[] args) throws Exception {
        Integer port = null;
        String device = null;
        Path out = Path.of("var/receipts");
        boolean paperOut = false;
        boolean everywhere = false;
        boolean drawerHigh = false;
        long delayMs = 0;
        int dots = EscPosPrinterEmulator.PAPER_80MM_DOTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tcp" -> port = Integer.parseInt(args[++i]);
                case "--device" -> device = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--paper-out" -> paperOut = true;
                case "--realtime-everywhere" -> everywhere = true;
                case "--drawer-high" -> drawerHigh = true;
                case "--answer-delay-ms" -> delayMs = Long.parseLong(args[++i]);
                case "--columns" -> dots = "32".equals(args[++i]) ? EscPosPrinterEmulator.PAPER_58MM_DOTS
                        : EscPosPrinterEmulator.PAPER_80MM_DOTS;
                default -> {
                    System.err.println("usage: printer-emulator (--tcp PORT | --device PATH) [--out DIR] "
                            + "[--paper-out] [--columns 32|42] [--realtime-everywhere] [--drawer-high] [--answer-delay-ms N]");
                    System.exit(2);
                }
            }
        }
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(out, dots);
        emu.setPaperOut(paperOut);
        emu.setRealtimeEverywhere(everywhere);
        emu.setDrawerSignalHigh(drawerHigh);
        emu.setAnswerDelay(Duration.ofMillis(delayMs));
        emu.onPrinted(r -> System.out.println("printed receipt=" + r.number() + " png=" + r.png()
                + " qr=" + String.join(",", r.qrPayloads())));
        if (port != null) {
            PrinterEmulatorServer server = new PrinterEmulatorServer(emu, port);
            System.out.println("printer emulator listening on tcp://127.0.0.1:" + server.port());
            Thread.currentThread().join();
        } else if (device != null) {
            try (InputStream in = new FileInputStream(device);
                 OutputStream answers = isPipe(device) ? null : new FileOutputStream(device)) {
                System.out.println("printer emulator reading " + device);
                emu.serve(in, answers);
            }
        } else {
            System.err.println("give --tcp PORT or --device PATH");
            System.exit(2);
        }
    }

    private static boolean isPipe(String path) {
        try {
            int mode = (Integer) Files.getAttribute(Path.of(path), "unix:mode");
            return (mode & 0170000) == 0010000;   // S_IFIFO
        } catch (Exception e) {
            return false;
        }
    }
}
