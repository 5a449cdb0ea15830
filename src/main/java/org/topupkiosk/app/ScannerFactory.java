package org.topupkiosk.app;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.emulator.scanner.CodeFeeder;
import org.topupkiosk.device.emulator.scanner.SerialScannerEmulator;
import org.topupkiosk.device.scanner.CameraCodeScanner;
import org.topupkiosk.device.scanner.CodeDecoder;
import org.topupkiosk.device.scanner.CodeScanner;
import org.topupkiosk.device.scanner.FrameSource;
import org.topupkiosk.device.scanner.ImageFilesFrameSource;
import org.topupkiosk.device.scanner.MjpegFrameSource;
import org.topupkiosk.device.scanner.Roi;
import org.topupkiosk.device.scanner.ScanSuffix;
import org.topupkiosk.device.scanner.SerialCodeScanner;
import org.topupkiosk.device.scanner.WedgeClassifier;
import org.topupkiosk.device.scanner.WedgeCodeScanner;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Symbology;

/**
 * Builds the code scanner {@code devices.scanner} asks for. In simulation ({@code emulator}) the real serial driver
 * reads from the scanner emulator over an in-memory line, and the device panel scans through the returned feeder.
 * A wedge scanner still needs {@link WedgeCodeScanner#install} on the window's scene (KioskApp does it).
 */
final class ScannerFactory {

    /** The scanner, and what the device panel feeds when it is emulated. */
    record Built(Optional<CodeScanner> scanner, Optional<CodeFeeder> feeder) {}

    private static final int CAMERA_WIDTH = 1280;
    private static final int CAMERA_HEIGHT = 720;

    private ScannerFactory() {}

    static Built build(KioskConfig.Scanner s, java.nio.file.Path configFile) throws ConfigException {
        ScanSuffix suffix = ScanSuffix.valueOf(s.suffix().name());
        switch (s.type()) {
            case NONE:
                return new Built(Optional.empty(), Optional.empty());
            case EMULATOR: {
                MemoryLink[] line = MemoryLink.pair("scanner");
                line[1].open();
                CodeScanner scanner = new SerialCodeScanner(line[0], ScanSuffix.CR, s.idleGapMs(), true,
                        s.sameCodeQuietMs());
                return new Built(Optional.of(scanner),
                        Optional.of(new SerialScannerEmulator(line[1], ScanSuffix.CR, true)));
            }
            case SERIAL: {
                SerialSettings line = new SerialSettings(s.baud(), 8, SerialSettings.Parity.NONE, 1);
                return new Built(Optional.of(new SerialCodeScanner(new JSerialCommLink(s.port().orElseThrow(), line),
                        suffix, s.idleGapMs(), s.aimIds(), s.sameCodeQuietMs())), Optional.empty());
            }
            case WEDGE:
                return new Built(Optional.of(new WedgeCodeScanner(new WedgeClassifier.Settings(s.maxKeyGapMs(),
                        s.minLength(), s.prefix(), suffix), s.aimIds(), s.sameCodeQuietMs())), Optional.empty());
            case CAMERA: {
                FrameSource source;
                if (s.framesPath().isPresent()) {
                    source = new ImageFilesFrameSource(s.framesPath().get(), 100);
                } else {
                    try {
                        source = MjpegFrameSource.v4l2(s.camera().orElseThrow(), CAMERA_WIDTH, CAMERA_HEIGHT);
                    } catch (IOException e) {
                        throw new ConfigException(configFile, "devices.scanner.camera", "cannot start v4l2-ctl for "
                                + s.camera().get() + " (" + e.getMessage() + "; install v4l-utils)");
                    }
                }
                Set<Symbology> formats = EnumSet.copyOf(s.formats());
                KioskConfig.Region r = s.roi();
                CodeDecoder decoder = new CodeDecoder(formats, new Roi(r.x(), r.y(), r.width(), r.height()), false);
                return new Built(Optional.of(new CameraCodeScanner(source, decoder, s.sameCodeQuietMs())),
                        Optional.empty());
            }
            default:
                throw new IllegalStateException("scanner type " + s.type());
        }
    }
}
