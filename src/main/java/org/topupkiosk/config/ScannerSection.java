package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.topupkiosk.config.KioskConfig.Region;
import org.topupkiosk.config.KioskConfig.Scanner;
import org.topupkiosk.config.KioskConfig.ScannerSuffix;
import org.topupkiosk.config.KioskConfig.ScannerType;
import org.topupkiosk.domain.Symbology;

/** {@code devices.scanner}: every problem names its key, the value and what was expected. */
final class ScannerSection {

    private static final Pattern V4L2_DEVICE = Pattern.compile("/dev/(video\\d+|v4l/by-(id|path)/\\S+)");
    private static final List<Integer> BAUDS = List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);

    private ScannerSection() {}

    static Scanner parse(Section s, Path baseDir) {
        Scanner d = Scanner.none();
        ScannerType type = s.choice("type", ScannerType.NONE, ScannerType.class);
        Optional<String> port = DevicesSection.serialPort(s, "/dev/ttyACM0", type == ScannerType.SERIAL ? "serial" : null);
        int baud = (int) s.integer("baud", d.baud(), 1200, 115200, "baud");
        if (!BAUDS.contains(baud)) {
            s.problem("baud", baud + " is not a standard line speed (expected one of " + BAUDS + ")");
        }
        ScannerSuffix suffix = s.choice("suffix", d.suffix(), ScannerSuffix.class);
        long idleGapMs = s.integer("idleGapMs", d.idleGapMs(), 5, 2000, "milliseconds");
        boolean aimIds = s.bool("aimIds", d.aimIds());
        List<Symbology> formats = formats(s, d.formats());
        Region roi = roi(s.section("roi"));
        Optional<String> camera = Optional.ofNullable(s.text("camera", null));
        if (camera.isPresent() && !V4L2_DEVICE.matcher(camera.get()).matches()) {
            s.problem("camera", "\"" + camera.get() + "\" is not a V4L2 camera (expected e.g. /dev/video0)");
        }
        Optional<Path> frames = Optional.empty();
        String framesText = s.text("framesPath", null);
        if (framesText != null) {
            frames = Optional.of(baseDir.resolve(framesText.strip()).normalize());
        }
        if (type == ScannerType.CAMERA && !s.has("camera") && !s.has("framesPath")) {
            s.problem("camera", "is missing (type camera needs camera: /dev/video0, or framesPath: DIR of images)");
        } else if (camera.isPresent() && frames.isPresent()) {
            s.problem("framesPath", "and camera are both set (expected one frame source)");
        }
        long maxKeyGapMs = s.integer("maxKeyGapMs", d.maxKeyGapMs(), 5, 200, "milliseconds");
        int minLength = (int) s.integer("minLength", d.minLength(), 1, 100, "characters");
        String prefix = s.text("prefix", d.prefix());
        if (prefix.length() > 8 || !prefix.chars().allMatch(c -> c > ' ' && c != 0x7F)) {
            s.problem("prefix", "\"" + prefix + "\" is not a scanner prefix (expected up to 8 printable characters,"
                    + " no spaces)");
        }
        long quietMs = s.integer("sameCodeQuietMs", d.sameCodeQuietMs(), 0, 60000, "milliseconds");
        s.finish();
        return new Scanner(type, port, baud, suffix, idleGapMs, aimIds, formats, roi, camera, frames, maxKeyGapMs,
                minLength, prefix, quietMs);
    }

    private static List<Symbology> formats(Section s, List<Symbology> def) {
        if (!s.has("formats")) {
            return def;
        }
        List<Symbology> out = new ArrayList<>();
        List<JsonNode> items = s.list("formats");
        String known = known();
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            Symbology sym = null;
            if (v.isTextual()) {
                try {
                    sym = Symbology.valueOf(v.asText().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    sym = null;
                }
            }
            if (sym == null || sym == Symbology.UNKNOWN) {
                s.problem("formats", "entry " + (i + 1) + " (" + Section.describe(v) + ") is not a barcode family"
                        + " (expected " + known + ")");
            } else if (!out.contains(sym)) {
                out.add(sym);
            }
        }
        if (items.isEmpty() && s.raw("formats") != null && s.raw("formats").isArray()) {
            s.problem("formats", "is empty (expected at least one of " + known + ")");
        }
        return out.isEmpty() ? def : out;
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (Symbology sym : EnumSet.complementOf(EnumSet.of(Symbology.UNKNOWN))) {
            names.add(sym.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static Region roi(Section r) {
        double x = fraction(r, "x", 0);
        double y = fraction(r, "y", 0);
        double w = fraction(r, "width", 1);
        double h = fraction(r, "height", 1);
        r.finish();
        if (w <= 0) {
            r.problem("width", "must be above 0");
        } else if (x + w > 1.000001) {
            r.problem("width", "x + width is " + (x + w) + " (expected at most 1: the region must fit in the frame)");
        }
        if (h <= 0) {
            r.problem("height", "must be above 0");
        } else if (y + h > 1.000001) {
            r.problem("height", "y + height is " + (y + h) + " (expected at most 1: the region must fit in the frame)");
        }
        return new Region(x, y, w, h);
    }

    /** A fraction of the frame, 0..1. */
    private static double fraction(Section r, String name, double def) {
        JsonNode v = r.raw(name);
        if (v == null) {
            return def;
        }
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
            r.problem(name, Section.describe(v) + " is not a fraction of the frame (expected 0..1, e.g. 0.25)");
            return def;
        }
        return v.asDouble();
    }
}
