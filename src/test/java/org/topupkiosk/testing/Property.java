package org.topupkiosk.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * A small property-testing runner: runs a check over many seeded random cases and, on failure, names the seed and the
 * case number so the failure can be replayed with {@code -Dproperty.seed=...}. Generators are plain methods over
 * {@link Random}, which keeps the cases readable and the runs reproducible.
 */
public final class Property {

    private Property() {}

    public static void forAll(int cases, Consumer<Random> check) {
        long seed = Long.getLong("property.seed", System.nanoTime());
        for (int i = 0; i < cases; i++) {
            Random random = new Random(seed + i);
            try {
                check.accept(random);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed at case " + i + " (replay with -Dproperty.seed=" + (seed + i)
                        + " and 1 case): " + e.getMessage(), e);
            }
        }
    }

    public static String randomString(Random r, String alphabet, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static byte[] randomBytes(Random r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength + 1)];
        r.nextBytes(b);
        return b;
    }
}
