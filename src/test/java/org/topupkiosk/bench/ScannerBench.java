package org.topupkiosk.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.topupkiosk.device.emulator.scanner.CameraScene.Shot;
import org.topupkiosk.device.emulator.scanner.CameraScene;
import org.topupkiosk.device.scanner.CodeDecoder;
import org.topupkiosk.device.scanner.ScannerFixtures.Fixture;
import org.topupkiosk.device.scanner.ScannerFixtures;

/**
 * Decoding a 1280x720 camera frame: the kiosk's restricted configuration (QR, CODE128 and EAN-13 in the region of
 * interest, no TRY_HARDER) on grey frames, as the camera driver
 * hands them over (a camera's Y plane; scan_driver_rgb_frame adds the driver's conversion of a colour frame, as
 * from an MJPEG camera), against ZXing unrestricted (every format, whole frame, TRY_HARDER), over the camera shots
 * of the qrencode/zint fixtures plus empty frames (most frames a camera sees hold no code). Issue 5's budget: median
 * at most 25 ms. Prints name=value lines for scripts/bench.
 *
 * <p>Usage: {@code ScannerBench [rounds]} (default 5): each round decodes every frame once with each configuration,
 * after a warm-up of the same work.
 */
public final class ScannerBench {

    private ScannerBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<BufferedImage> frames = new ArrayList<>();
        long seed = 1;
        for (Fixture f : ScannerFixtures.all()) {
            for (Shot s : ScannerFixtures.shots(f)) {
                frames.add(ScannerFixtures.frame(f, s, seed++));
            }
        }
        int withCode = frames.size();
        for (int i = 0; i < 6; i++) {
            frames.add(CameraScene.empty(100 + i));
        }
        List<BufferedImage> rgb = frames;
        frames = new ArrayList<>();
        for (BufferedImage f : rgb) {
            frames.add(CodeDecoder.grey(f)); // as the camera driver hands frames to the decoder
        }
        CodeDecoder restricted = new CodeDecoder(ScannerFixtures.FORMATS, ScannerFixtures.ROI, false);
        CodeDecoder thorough = CodeDecoder.thorough();
        for (int i = 0; i < 2; i++) { // warm-up: let the JIT compile ZXing's hot loops
            run(restricted, frames);
            run(thorough, frames);
        }
        long[] r = new long[rounds * frames.size()];
        long[] t = new long[rounds * frames.size()];
        int found = 0;
        for (int round = 0; round < rounds; round++) {
            found = 0;
            for (int i = 0; i < frames.size(); i++) {
                long t0 = System.nanoTime();
                boolean hit = restricted.decode(frames.get(i)).isPresent();
                long t1 = System.nanoTime();
                thorough.decode(frames.get(i));
                long t2 = System.nanoTime();
                r[round * frames.size() + i] = t1 - t0;
                t[round * frames.size() + i] = t2 - t1;
                found += hit ? 1 : 0;
            }
        }
        long[] c = new long[rgb.size()];
        for (int i = 0; i < rgb.size(); i++) {
            long t0 = System.nanoTime();
            restricted.decode(CodeDecoder.grey(rgb.get(i))); // what the camera driver does with a colour frame
            c[i] = System.nanoTime() - t0;
        }
        Arrays.sort(c);
        Arrays.sort(r);
        Arrays.sort(t);
        double rp50 = ms(r[r.length / 2]);
        double tp50 = ms(t[t.length / 2]);
        System.out.println("scan_frames=" + frames.size() + " scan_frames_with_code=" + withCode
                + " scan_restricted_found=" + found);
        System.out.println("scan_decode_restricted_p50_ms=" + fmt(rp50));
        System.out.println("scan_decode_restricted_p95_ms=" + fmt(ms(r[(int) (r.length * 0.95)])));
        System.out.println("scan_driver_rgb_frame_p50_ms=" + fmt(ms(c[c.length / 2])));
        System.out.println("scan_decode_tryharder_p50_ms=" + fmt(tp50));
        System.out.println("scan_decode_tryharder_p95_ms=" + fmt(ms(t[(int) (t.length * 0.95)])));
        System.out.println("scan_decode_tryharder_to_restricted_ratio=" + fmt(tp50 / rp50));
        System.out.println("scan_decode_budget_ok=" + (rp50 <= 25.0));
    }

    private static void run(CodeDecoder d, List<BufferedImage> frames) {
        for (BufferedImage f : frames) {
            d.decode(f);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
