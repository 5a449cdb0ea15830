package org.topupkiosk.device.scanner;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a stream of concatenated JPEGs (MJPEG as a UVC camera sends it), cut at the JPEG markers SOI (FF D8) and
 * EOI (FF D9). Pure Java 17 cannot make V4L2 ioctls without a native library, so a real camera is read through
 * {@code v4l2-ctl} from v4l-utils (no ffmpeg), which maps the buffers and writes the raw MJPEG frames to stdout:
 * {@link #v4l2(String, int, int)}. A reader thread keeps only the newest frame: a slow decoder sees fresh frames, not
 * a growing backlog.
 */
public final class MjpegFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(MjpegFrameSource.class);
    /** A frame larger than this is not a 720p JPEG: the stream is out of step; resynchronise at the next SOI. */
    private static final int MAX_FRAME_BYTES = 8 << 20;

    private final String name;
    private final InputStream in;
    private final Process process;
    private final ArrayBlockingQueue<byte[]> newest = new ArrayBlockingQueue<>(1);
    private final Thread reader;
    private volatile IOException ended;

    private MjpegFrameSource(String name, InputStream in, Process process) {
        this.name = name;
        this.in = in;
        this.process = process;
        this.reader = new Thread(this::readLoop, "mjpeg-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static MjpegFrameSource of(String name, InputStream in) {
        return new MjpegFrameSource(name, in, null);
    }

    /** Runs {@code command} and reads MJPEG from its stdout (stderr is discarded). */
    public static MjpegFrameSource command(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new MjpegFrameSource(String.join(" ", command), p.getInputStream(), p);
    }

    /** A V4L2 camera through {@code v4l2-ctl --stream-mmap} in MJPG format (package v4l-utils). */
    public static MjpegFrameSource v4l2(String device, int width, int height) throws IOException {
        return command(v4l2Command(device, width, height));
    }

    public static List<String> v4l2Command(String device, int width, int height) {
        return List.of("v4l2-ctl", "--device", device, "--set-fmt-video=width=" + width + ",height=" + height
                + ",pixelformat=MJPG", "--stream-mmap", "--stream-count=0", "--stream-to=-");
    }

    private void readLoop() {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(256 << 10);
        byte[] buf = new byte[64 << 10];
        boolean inFrame = false;
        int prev = -1;
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (!inFrame) {
                        if (prev == 0xFF && b == 0xD8) {
                            inFrame = true;
                            frame.reset();
                            frame.write(0xFF);
                            frame.write(0xD8);
                        }
                    } else {
                        frame.write(b);
                        if (prev == 0xFF && b == 0xD9) {
                            publish(frame.toByteArray());
                            inFrame = false;
                            b = -1;
                        } else if (frame.size() > MAX_FRAME_BYTES) {
                            log.warn("{}: frame over {} bytes, resynchronising", name, MAX_FRAME_BYTES);
                            inFrame = false;
                        }
                    }
                    prev = b;
                }
            }
            ended = new IOException(name + ": stream ended");
        } catch (IOException e) {
            ended = e;
        }
    }

    private void publish(byte[] jpeg) {
        newest.clear();
        newest.offer(jpeg);
    }

    @Override
    public Optional<BufferedImage> next(long timeoutMs) throws IOException {
        byte[] jpeg;
        try {
            jpeg = newest.poll(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (jpeg == null) {
            IOException e = ended;
            if (e != null) {
                throw e;
            }
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(jpeg)));
        } catch (IOException e) {
            log.debug("{}: corrupt frame skipped: {}", name, e.getMessage()); // a camera's first frame, often
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
        try {
            in.close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
