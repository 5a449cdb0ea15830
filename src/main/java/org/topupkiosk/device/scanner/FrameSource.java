package org.topupkiosk.device.scanner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/** Where a camera scanner's frames come from: image files, an MJPEG stream from a V4L2 camera, or the emulator. */
public interface FrameSource extends AutoCloseable {

    /**
     * The next frame, waiting at most {@code timeoutMs}.
     *
     * @return empty when none came in time
     * @throws IOException when the source is gone (camera unplugged, file deleted); the driver retries later
     */
    Optional<BufferedImage> next(long timeoutMs) throws IOException;

    /** For logs and the service screen. */
    String name();

    @Override
    void close();
}
