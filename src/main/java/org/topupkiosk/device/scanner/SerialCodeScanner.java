package org.topupkiosk.device.scanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;
import org.topupkiosk.device.DeviceThreads;
import org.topupkiosk.device.serial.SerialLink;

/**
 * A scanner on a serial line (RS-232, or USB in CDC/"virtual COM" mode): the scanner sends each code followed by its
 * suffix, unasked. One reader thread owns the link; a link that goes away (USB unplugged) is reopened every second,
 * and the health says offline meanwhile. The bytes go through a {@link LineAssembler}.
 */
public final class SerialCodeScanner extends ScannerCore {

    private static final Logger log = LoggerFactory.getLogger(SerialCodeScanner.class);
    /** A read waits this long for bytes; also how often the idle gap is checked. */
    private static final int READ_MS = 20;

    private final SerialLink link;
    private final LineAssembler assembler;
    private volatile boolean running;
    private volatile Thread reader;
    private volatile String lastError;

    public SerialCodeScanner(SerialLink link, ScanSuffix suffix, long idleGapMs, boolean aimIds, long sameCodeQuietMs) {
        super("scanner", sameCodeQuietMs, System::nanoTime);
        this.link = link;
        this.assembler = new LineAssembler(suffix, idleGapMs, 4096, aimIds);
    }

    @Override
    protected void startDevice() {
        running = true;
        reader = DeviceThreads.startDaemon("scanner-serial", this::run);
    }

    private void run() {
        byte[] buf = new byte[512];
        boolean offline = false;
        while (running) {
            try {
                if (!link.isOpen()) {
                    link.open();
                }
                int n = link.read(buf, READ_MS);
                long now = System.nanoTime();
                if (n > 0) {
                    for (LineAssembler.Line line : assembler.feed(buf, n, now)) {
                        offer(new ScanReading(line.text(), line.symbology(), ScanReading.Source.SERIAL));
                    }
                } else {
                    assembler.idle(now).ifPresent(line ->
                            offer(new ScanReading(line.text(), line.symbology(), ScanReading.Source.SERIAL)));
                }
                life.power(DeviceLifecycle.Power.ONLINE);
                if (offline) {
                    offline = false;
                    log.info("scanner on {} is back", link.name());
                }
            } catch (DeviceException e) {
                if (!running) {
                    break;
                }
                lastError = e.getMessage();
                life.power(DeviceLifecycle.Power.OFFLINE);
                if (!offline) {
                    offline = true;
                    log.error("scanner on {} offline: {}", link.name(), e.getMessage());
                }
                link.close();
                sleep(1000);
            } catch (RuntimeException e) {
                log.error("scanner reader: unexpected error, going on", e);
                sleep(100);
            }
        }
    }

    private void sleep(long ms) {
        if (!DeviceThreads.pause(ms)) {
            running = false;
        }
    }

    @Override
    protected void stopDevice() {
        running = false;
        DeviceThreads.stop(reader, 2000);
        link.close();
    }

    @Override
    protected DeviceHealth deviceHealth(String counters) {
        if (life.power() == DeviceLifecycle.Power.OFFLINE) {
            return new DeviceHealth("scanner", DeviceHealth.State.OFFLINE, "no port " + link.name() + ": " + lastError);
        }
        String detail = link.name() + " " + counters + " fragments=" + assembler.discarded();
        return new DeviceHealth("scanner", DeviceHealth.State.OK, detail);
    }
}
