package org.topupkiosk.device.scanner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Frames from image files: one file, or every PNG/JPEG/BMP/GIF in a directory in name order, one every
 * {@code frameIntervalMs}, looping. For trying a camera configuration on saved frames, and for tests. A directory is
 * listed again at each pass, so frames dropped into it later are seen.
 */
public final class ImageFilesFrameSource implements FrameSource {

    private final Path path;
    private final FramePacer pacer;
    private List<Path> files = List.of();
    private int index;

    public ImageFilesFrameSource(Path path, long frameIntervalMs) {
        this.path = path;
        this.pacer = new FramePacer(frameIntervalMs);
    }

    @Override
    public Optional<BufferedImage> next(long timeoutMs) throws IOException {
        if (!pacer.awaitNext(timeoutMs)) {
            return Optional.empty();
        }
        if (index >= files.size()) {
            files = list();
            index = 0;
            if (files.isEmpty()) {
                return Optional.empty();
            }
        }
        Path f = files.get(index++);
        BufferedImage img = ImageIO.read(f.toFile());
        if (img == null) {
            throw new IOException(f + " is not an image ImageIO can read");
        }
        return Optional.of(img);
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".gif");
    }

    private List<Path> list() throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(ImageFilesFrameSource::isImage).sorted().toList();
        }
    }


    @Override
    public String name() {
        return "files:" + path;
    }

    @Override
    public void close() {
        files = List.of();
    }
}
