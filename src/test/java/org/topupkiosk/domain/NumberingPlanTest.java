package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.testing.Property;

class NumberingPlanTest {

    private static final NumberingPlan.Hint MTS = new NumberingPlan.Hint("mts", "ПАО \"МТС\"", "Москва");
    private static final NumberingPlan.Hint T2 = new NumberingPlan.Hint("t2", "ООО \"Т2 Мобайл\"", "");

    @Test
    void findsRangesByTheirEdgesWhateverTheInsertOrder() {
        List<int[]> overlaps = new ArrayList<>();
        NumberingPlan plan = new NumberingPlan.Builder()
                .add(977, 0, 999_999, T2, 3)
                .add(916, 5_000_000, 5_999_999, MTS, 2)
                .add(916, 5_500_000, 5_500_010, T2, 4) // inside the range on line 2: refused
                .build((line, kept) -> overlaps.add(new int[] {line, kept}));
        assertThat(plan.size()).isEqualTo(2);
        assertThat(overlaps).containsExactly(new int[] {4, 2});
        assertThat(plan.operatorIdFor(Msisdn.of("+79165000000"))).contains("mts");
        assertThat(plan.operatorIdFor(Msisdn.of("+79165999999"))).contains("mts");
        assertThat(plan.operatorIdFor(Msisdn.of("+79164999999"))).isEmpty();
        assertThat(plan.operatorIdFor(Msisdn.of("+79166000000"))).isEmpty();
        assertThat(plan.regionFor(Msisdn.of("+79770000000"))).isEmpty(); // empty region is no region
        assertThat(plan.operatorIdFor(Msisdn.of("+79770999999"))).contains("t2");
    }

    @Test
    void binarySearchAgreesWithALinearScan() {
        Property.forAll(200, r -> {
            NumberingPlan.Builder b = new NumberingPlan.Builder();
            List<long[]> kept = new ArrayList<>();
            int from = 0;
            int def = 900 + r.nextInt(100);
            while (from < 9_000_000) {
                from += r.nextInt(200_000);
                int to = Math.min(9_999_999, from + r.nextInt(100_000));
                b.add(def, from, to, MTS, 0);
                kept.add(new long[] {def * 10_000_000L + from, def * 10_000_000L + to});
                from = to + 1;
            }
            NumberingPlan plan = b.build((l, k) -> { throw new AssertionError("no overlaps generated"); });
            for (int i = 0; i < 50; i++) {
                long n = def * 10_000_000L + r.nextInt(10_000_000);
                boolean expected = kept.stream().anyMatch(k -> k[0] <= n && n <= k[1]);
                assertThat(plan.lookup(Msisdn.of("+7" + n)).isPresent()).as("+7%d", n).isEqualTo(expected);
            }
        });
    }
}
