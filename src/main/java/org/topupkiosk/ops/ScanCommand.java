package org.topupkiosk.ops;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.topupkiosk.device.scanner.CodeDecoder;
import org.topupkiosk.device.scanner.Roi;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code kioskctl scan decode FILE...}: the codes in saved images (camera frames, photos of vouchers, receipts). */
@Command(name = "scan", description = "Code scanner service commands.", mixinStandardHelpOptions = true,
        subcommands = ScanCommand.Decode.class)
public final class ScanCommand extends CommandGroup {

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Print the format and text of every code found in each image (ZXing, thorough mode, "
                    + "several codes per image), and what the kiosk would make of it. Exit 0 when every file was "
                    + "read and held at least one code; 1 otherwise, naming each file that failed.")
    static final class Decode extends KioskctlCommand {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "PNG, JPEG, BMP or GIF images.")
        List<Path> files;

        @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
                description = "Only these families, e.g. QR_CODE,CODE_128,EAN_13 (default: every family).")
        List<String> formats;

        @Override
        public Integer call() {
            Set<Symbology> wanted = EnumSet.noneOf(Symbology.class);
            if (formats != null) {
                for (String f : formats) {
                    try {
                        Symbology s = Symbology.valueOf(f.trim().toUpperCase(Locale.ROOT));
                        if (s == Symbology.UNKNOWN) {
                            throw new IllegalArgumentException();
                        }
                        wanted.add(s);
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), "--formats: \"" + f + "\" is not a barcode "
                                + "family (expected some of " + EnumSet.complementOf(EnumSet.of(Symbology.UNKNOWN))
                                + ")");
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CodeDecoder decoder = new CodeDecoder(wanted, Roi.FULL, true);
            int failed = 0;
            for (Path file : files) {
                BufferedImage image;
                try {
                    image = read(file);
                } catch (IOException e) {
                    err.printf("error: %s: %s%n", file, e.getMessage());
                    failed++;
                    continue;
                }
                List<CodeDecoder.Decoded> codes = decoder.decodeAll(image);
                if (codes.isEmpty()) {
                    err.printf("error: %s: no code found (%dx%d image)%n", file, image.getWidth(), image.getHeight());
                    failed++;
                    continue;
                }
                for (CodeDecoder.Decoded c : codes) {
                    out.printf("%s\t%s\t%s\t%s%n", file, c.symbology(), printable(c.text()),
                            describe(ScannedCode.classify(c.text(), c.symbology())));
                }
            }
            out.flush();
            err.flush();
            return failed == 0 ? 0 : 1;
        }

        private static BufferedImage read(Path file) throws IOException {
            if (!Files.exists(file)) {
                throw new IOException("no such file");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IOException("not a readable file");
            }
            BufferedImage img;
            try {
                img = ImageIO.read(file.toFile());
            } catch (IOException | RuntimeException e) {
                throw new IOException("not a readable image (" + e.getMessage() + ")");
            }
            if (img == null) {
                throw new IOException("not an image (expected PNG, JPEG, BMP or GIF)");
            }
            return img;
        }

        /** Control characters shown as \\xNN, so one code stays on one line. */
        static String printable(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (c < 0x20 || c == 0x7F) {
                    sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        static String describe(CodeMeaning m) {
            if (m instanceof CodeMeaning.ScratchCard) {
                return "scratch card";
            } else if (m instanceof CodeMeaning.CreditVoucher) {
                return "credit voucher";
            } else if (m instanceof CodeMeaning.EsimOrder e) {
                return "eSIM order (" + e.smdpAddress() + ")";
            } else if (m instanceof CodeMeaning.PhoneNumber p) {
                return "phone number " + p.number().e164();
            } else if (m instanceof CodeMeaning.GoodsClaim) {
                return "e-PIN or eSIM claim code";
            }
            CodeMeaning.Unknown u = (CodeMeaning.Unknown) m;
            return "not taken: " + u.reason().name().toLowerCase(Locale.ROOT) + " (" + u.detail() + ")";
        }
    }
}
