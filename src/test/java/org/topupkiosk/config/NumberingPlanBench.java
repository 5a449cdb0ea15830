package org.topupkiosk.config;

import java.nio.file.Path;
import java.util.Random;
import org.topupkiosk.domain.Msisdn;

/**
 * Budget check for the numbering plan, printed as name=value lines (budgets live here, not in unit tests):
 * load of 100k ranges under 1 s, lookup under 2 µs. Run:
 * {@code java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" org.topupkiosk.config.NumberingPlanBench}
 */
public final class NumberingPlanBench {

    public static void main(String[] args) throws Exception {
        byte[] registry = NumberingPlanLoaderTest.generatedRegistry(100_000, 1L);
        NumberingPlanLoader loader = new NumberingPlanLoader(NumberingPlanLoaderTest.NAMES);
        NumberingPlanLoader.Result r = null;
        long bestLoad = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            r = loader.parse(registry, Path.of("bench.csv"));
            bestLoad = Math.min(bestLoad, System.nanoTime() - t0);
        }
        Msisdn[] numbers = new Msisdn[4096];
        Random random = new Random(7);
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Msisdn.of("+7900" + String.format("%07d", random.nextInt(10_000_000)));
        }
        int hits = 0;
        long lookups = 2_000_000;
        for (int round = 0; round < 2; round++) { // first round warms up
            hits = 0;
            long t0 = System.nanoTime();
            for (long i = 0; i < lookups; i++) {
                if (r.plan().operatorIdFor(numbers[(int) (i & 4095)]).isPresent()) {
                    hits++;
                }
            }
            long ns = System.nanoTime() - t0;
            if (round == 1) {
                System.out.println("numbering.load100k.ms=" + bestLoad / 1_000_000);
                System.out.println("numbering.lookup.ns=" + ns / lookups);
                System.out.println("numbering.lookup.hits=" + hits);
            }
        }
    }
}
