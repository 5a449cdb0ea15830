package org.topupkiosk.device.emulator.scanner;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import java.util.Random;

/**
 * Composes a camera-like frame around a code image: uneven light on a cluttered counter, the code on a white slip,
 * scaled, turned, out of focus and with sensor noise. Seeded, so a test or a bench sees the same pixels every run.
 * Pure Java2D; used by the camera emulator and by the decoding fixtures.
 */
public final class CameraScene {

    /**
     * How the code sits in the frame.
     *
     * @param scale      code pixels per source pixel
     * @param angleDeg   rotation of the slip, clockwise
     * @param blurRadius box blur radius in pixels (0: sharp); 2 is a camera slightly out of focus
     * @param noiseSigma standard deviation of Gaussian sensor noise in grey levels (0: none)
     * @param centreX    centre of the code as a fraction of the frame width (0.5: middle)
     * @param centreY    the same for the height
     */
    public record Shot(double scale, double angleDeg, int blurRadius, double noiseSigma, double centreX,
                       double centreY) {

        public static Shot plain() {
            return new Shot(1, 0, 0, 0, 0.5, 0.5);
        }

        public Shot rotated(double deg) {
            return new Shot(scale, deg, blurRadius, noiseSigma, centreX, centreY);
        }

        public Shot blurred(int radius) {
            return new Shot(scale, angleDeg, radius, noiseSigma, centreX, centreY);
        }

        public Shot noisy(double sigma) {
            return new Shot(scale, angleDeg, blurRadius, sigma, centreX, centreY);
        }

        public Shot scaled(double s) {
            return new Shot(s, angleDeg, blurRadius, noiseSigma, centreX, centreY);
        }

        public Shot at(double x, double y) {
            return new Shot(scale, angleDeg, blurRadius, noiseSigma, x, y);
        }
    }

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    private CameraScene() {}

    /** A frame of the empty counter: what the camera sees between customers. */
    public static BufferedImage empty(long seed) {
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        background(g, new Random(seed));
        g.dispose();
        return frame;
    }

    public static BufferedImage compose(BufferedImage code, Shot shot, long seed) {
        Random random = new Random(seed);
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        background(g, random);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double w = code.getWidth() * shot.scale();
        double h = code.getHeight() * shot.scale();
        double margin = 24;
        AffineTransform at = new AffineTransform();
        at.translate(shot.centreX() * WIDTH, shot.centreY() * HEIGHT);
        at.rotate(Math.toRadians(shot.angleDeg()));
        g.setTransform(at);
        g.setColor(new Color(236, 234, 228)); // paper is never pure white under shop light
        g.fill(new java.awt.geom.Rectangle2D.Double(-w / 2 - margin, -h / 2 - margin, w + 2 * margin, h + 2 * margin));
        AffineTransform img = new AffineTransform(at);
        img.translate(-w / 2, -h / 2);
        img.scale(shot.scale(), shot.scale());
        g.setTransform(img);
        g.drawImage(code, 0, 0, null);
        g.dispose();
        if (shot.blurRadius() > 0) {
            frame = blur(frame, shot.blurRadius());
        }
        if (shot.noiseSigma() > 0) {
            noise(frame, shot.noiseSigma(), random);
        }
        return frame;
    }

    /** A lit-from-one-side counter with some objects on it. */
    private static void background(Graphics2D g, Random random) {
        g.setPaint(new GradientPaint(0, 0, new Color(70, 68, 64), WIDTH, HEIGHT, new Color(150, 146, 140)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 14; i++) {
            int grey = 40 + random.nextInt(160);
            g.setColor(new Color(grey, grey, grey - random.nextInt(20)));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            if (random.nextBoolean()) {
                g.fillRect(x, y, 20 + random.nextInt(120), 10 + random.nextInt(80));
            } else {
                g.drawLine(x, y, x + random.nextInt(300) - 150, y + random.nextInt(200) - 100);
            }
        }
    }

    private static BufferedImage blur(BufferedImage src, int radius) {
        int size = 2 * radius + 1;
        float[] k = new float[size * size];
        Arrays.fill(k, 1f / k.length);
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(src, dst);
    }

    private static void noise(BufferedImage frame, double sigma, Random random) {
        int[] px = frame.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
        for (int i = 0; i < px.length; i++) {
            int n = (int) Math.round(random.nextGaussian() * sigma);
            int r = clamp(((px[i] >> 16) & 0xFF) + n);
            int gr = clamp(((px[i] >> 8) & 0xFF) + n);
            int b = clamp((px[i] & 0xFF) + n);
            px[i] = (r << 16) | (gr << 8) | b;
        }
        frame.setRGB(0, 0, WIDTH, HEIGHT, px, 0, WIDTH);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }
}
