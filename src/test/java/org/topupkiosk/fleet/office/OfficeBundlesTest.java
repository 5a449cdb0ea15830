package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.StateMessage;

/**
 * The office page's strings exist in Russian, English and Chinese: the three bundles have the same keys, none empty,
 * and every key the page names (data-i18n in the HTML, t('...') in the script, and the keys made from the wire's
 * modes, paper states, event kinds, command types and statuses) is in them.
 */
class OfficeBundlesTest {

    private static final String WEB = "/org/topupkiosk/fleet/office/web/";

    @Test
    void everyKeyExistsInAllThreeLanguages() throws IOException {
        Set<String> en = keys("en");
        assertThat(keys("ru")).isEqualTo(en);
        assertThat(keys("zh")).isEqualTo(en);
    }

    @Test
    void everyKeyThePageUsesIsInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(text("index.html"), Pattern.compile("data-i18n=\"([^\"]+)\""), used);
        collect(text("office.js"), Pattern.compile("\\bt\\('([^']+)'\\s*[,)]"), used);
        StateMessage.MODES.forEach(m -> used.add("mode." + m));
        StateMessage.PAPER.forEach(p -> used.add("paper." + p));
        EventMessage.KINDS.forEach(k -> used.add("kind." + k));
        CommandMessage.TYPES.forEach(c -> used.add("cmd." + c));
        AckMessage.STATUSES.forEach(s -> used.add("cmdstatus." + s));
        used.add("cmdstatus." + KioskDetail.CommandView.PENDING);
        used.add("cmdstatus." + KioskDetail.CommandView.EXPIRED);
        for (String s : new String[]{KioskRow.ONLINE, KioskRow.OFFLINE, KioskRow.SILENT, KioskRow.UNKNOWN}) {
            used.add("status." + s);
        }
        for (String o : new String[]{"confirmed", "refused", "pending"}) {
            used.add("outcome." + o);
        }
        assertThat(used).hasSizeGreaterThan(60);
        for (String lang : new String[]{"ru", "en", "zh"}) {
            assertThat(keys(lang)).as(lang).containsAll(used);
        }
    }

    private static void collect(String text, Pattern p, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Set<String> keys(String lang) throws IOException {
        JsonNode node = new ObjectMapper().readTree(text("i18n/" + lang + ".json"));
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            assertThat(node.get(k).isTextual() && !node.get(k).asText().isBlank()).as(lang + " " + k).isTrue();
            keys.add(k);
        }
        return keys;
    }

    private static String text(String name) throws IOException {
        try (InputStream in = OfficeBundlesTest.class.getResourceAsStream(WEB + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
