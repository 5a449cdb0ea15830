package org.topupkiosk.device.emulator;

import java.util.Random;

/**
 * Trouble an emulator puts on the line, device to host: a flipped bit (the CRC no longer matches), a dropped byte
 * (the frame never completes), a late reply. Rates are per reply, 0 to 1. Delays stay below the host's response
 * timeout unless {@code maxDelayMs} says otherwise, so they test patience rather than retries.
 */
public record LineNoise(double corruptRate, double dropRate, double delayRate, int maxDelayMs) {

    public static final LineNoise NONE = new LineNoise(0, 0, 0, 0);

    public LineNoise {
        for (double r : new double[] {corruptRate, dropRate, delayRate}) {
            if (r < 0 || r > 1) {
                throw new IllegalArgumentException("rate " + r + " outside 0..1");
            }
        }
    }

    /** What to do with one reply: maybe damage it, maybe wait before sending it. */
    public byte[] apply(byte[] frame, Random random) {
        byte[] out = frame;
        if (random.nextDouble() < corruptRate) {
            out = frame.clone();
            int i = 3 + random.nextInt(out.length - 3); // past the header, so the length still frames it
            out[i] ^= (byte) (1 << random.nextInt(8));
        } else if (random.nextDouble() < dropRate && frame.length > 1) {
            int skip = 1 + random.nextInt(frame.length - 1);
            out = new byte[frame.length - 1];
            System.arraycopy(frame, 0, out, 0, skip);
            System.arraycopy(frame, skip + 1, out, skip, frame.length - skip - 1);
        }
        if (maxDelayMs > 0 && random.nextDouble() < delayRate) {
            try {
                Thread.sleep(1 + random.nextInt(maxDelayMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }
}
