package org.topupkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.scanner.WedgeClassifier.Drop;
import org.topupkiosk.device.scanner.WedgeClassifier.Hold;
import org.topupkiosk.device.scanner.WedgeClassifier.Outcome;
import org.topupkiosk.device.scanner.WedgeClassifier.Release;
import org.topupkiosk.device.scanner.WedgeClassifier.Scan;
import org.topupkiosk.device.scanner.WedgeClassifier.Settings;
import org.topupkiosk.testing.Property;

class WedgeClassifierTest {

    private static final long MS = 1_000_000L;

    /** Types {@code text} with {@code gapMs} between keys from {@code startMs}; returns every outcome, idles included. */
    private static List<Outcome> type(WedgeClassifier c, String text, long startMs, long gapMs) {
        List<Outcome> out = new ArrayList<>();
        long t = startMs * MS;
        for (char ch : text.toCharArray()) {
            out.addAll(c.idle(t));
            out.addAll(c.key(ch, t));
            t += gapMs * MS;
        }
        out.addAll(c.idle(t + 1000 * MS));
        return out;
    }

    private static List<Outcome> notHolds(List<Outcome> all) {
        return all.stream().filter(o -> !(o instanceof Hold)).toList();
    }

    @Test
    void aBurstEndingInEnterIsOneScan() {
        WedgeClassifier c = new WedgeClassifier(Settings.defaults());
        assertThat(notHolds(type(c, "123456789015\r", 0, 4))).containsExactly(new Scan("123456789015"));
    }

    @Test
    void humanTypingIsHandedBackKeyByKey() {
        WedgeClassifier c = new WedgeClassifier(Settings.defaults());
        List<Outcome> out = notHolds(type(c, "9161234567\r", 0, 140));
        assertThat(out).hasSize(11).allMatch(o -> o.equals(new Release(1)));
    }

    @Test
    void aFastTypistsRolloverIsStillTyping() {
        WedgeClassifier c = new WedgeClassifier(Settings.defaults());
        List<Outcome> out = new ArrayList<>();
        long[] atMs = {0, 20, 160, 175, 300, 420, 430, 600}; // pairs of keys 10-20 ms apart
        String keys = "91612345";
        for (int i = 0; i < keys.length(); i++) {
            out.addAll(c.idle(atMs[i] * MS));
            out.addAll(c.key(keys.charAt(i), atMs[i] * MS));
        }
        out.addAll(c.idle(2000 * MS));
        int released = notHolds(out).stream().mapToInt(o -> ((Release) o).count()).sum();
        assertThat(released).isEqualTo(8);
    }

    @Test
    void tooShortAutoRepeatOrNoSuffixIsTyping() {
        WedgeClassifier c = new WedgeClassifier(Settings.defaults());
        assertThat(notHolds(type(c, "12345\r", 0, 3))).containsExactly(new Release(6));
        assertThat(notHolds(type(c, "11111111111\r", 5000, 30))).containsExactly(new Release(12));
        assertThat(notHolds(type(c, "123456789015", 9000, 3))).containsExactly(new Release(12)); // Enter expected
    }

    @Test
    void withoutSuffixTheBurstEndsByFallingQuiet() {
        WedgeClassifier c = new WedgeClassifier(new Settings(35, 6, "", ScanSuffix.NONE));
        assertThat(notHolds(type(c, "LPA:1$rsp.example.ru$K2", 0, 5))).containsExactly(new Scan("LPA:1$rsp.example.ru$K2"));
    }

    @Test
    void aPrefixLetsOtherKeysThroughAtOnce() {
        WedgeClassifier c = new WedgeClassifier(new Settings(35, 6, "~~", ScanSuffix.TAB));
        assertThat(c.key('9', 0)).containsExactly(new Release(1)); // not held at all
        assertThat(notHolds(type(c, "~~123456789015\t", 1000, 4))).containsExactly(new Scan("123456789015"));
        assertThat(notHolds(type(c, "~x123456789015\t", 3000, 4))).containsExactly(new Release(2), new Release(1),
                new Release(1), new Release(1), new Release(1), new Release(1), new Release(1), new Release(1),
                new Release(1), new Release(1), new Release(1), new Release(1), new Release(1), new Release(1));
    }

    @Test
    void theLfOfCrLfAfterAScanIsDropped() {
        WedgeClassifier c = new WedgeClassifier(Settings.defaults());
        List<Outcome> out = notHolds(type(c, "123456789015\r\n", 0, 3));
        assertThat(out).containsExactly(new Scan("123456789015"), new Drop());
        // a person's Enter long after a scan is theirs
        assertThat(c.key('\r', 10_000 * MS)).containsExactly(new Release(1));
    }

    @Test
    void everyCharacterIsAccountedForExactlyOnce() {
        String alphabet = "0123456789abcXYZ~$:\r\n\t ";
        Property.forAll(500, r -> {
            boolean prefixed = r.nextBoolean();
            ScanSuffix[] sfx = ScanSuffix.values();
            ScanSuffix suffix = sfx[r.nextInt(sfx.length)];
            WedgeClassifier c = new WedgeClassifier(new Settings(1 + r.nextInt(60), 1 + r.nextInt(10),
                    prefixed ? "~" : "", suffix));
            long t = 0;
            int typed = 0;
            int accounted = 0;
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                t += (r.nextBoolean() ? r.nextInt(8) : r.nextInt(300)) * MS;
                out.addAll(c.idle(t));
                out.addAll(c.key(alphabet.charAt(r.nextInt(alphabet.length())), t));
                typed++;
            }
            out.addAll(c.idle(t + 10_000 * MS));
            for (Outcome o : out) {
                if (o instanceof Release rel) {
                    assertThat(rel.count()).isPositive();
                    accounted += rel.count();
                } else if (o instanceof Scan s) {
                    assertThat(s.text()).isNotEmpty();
                    accounted += s.text().length() + (prefixed ? 1 : 0) + (suffix == ScanSuffix.NONE ? 0 : 1);
                } else if (o instanceof Drop) {
                    accounted += 1;
                }
            }
            assertThat(c.heldCount()).isZero();
            assertThat(accounted).isEqualTo(typed); // nothing lost, nothing doubled
        });
    }
}
