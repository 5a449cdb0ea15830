package org.topupkiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.ui.kit.UiKeys;

/** Every string in every language: same keys in ru, en and zh, nothing empty, every pattern parses. */
class BundlesTest {

    private static final Map<Lang, Properties> BUNDLES = new EnumMap<>(Lang.class);

    @BeforeAll
    static void load() throws IOException {
        for (Lang lang : Lang.values()) {
            String path = "/i18n/messages_" + lang.code() + ".properties";
            try (InputStream in = BundlesTest.class.getResourceAsStream(path)) {
                assertThat(in).as(path).isNotNull();
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                BUNDLES.put(lang, p);
            }
        }
    }

    private static Set<String> allKeys() {
        Set<String> all = new TreeSet<>();
        BUNDLES.values().forEach(p -> all.addAll(p.stringPropertyNames()));
        return all;
    }

    @Test
    void everyKeyExistsInEveryLanguage() {
        for (Lang lang : Lang.values()) {
            Set<String> missing = new TreeSet<>(allKeys());
            missing.removeAll(BUNDLES.get(lang).stringPropertyNames());
            assertThat(missing).as("keys missing from messages_%s", lang.code()).isEmpty();
        }
    }

    @Test
    void noValueIsEmpty() {
        BUNDLES.forEach((lang, p) -> p.stringPropertyNames().forEach(key ->
                assertThat(p.getProperty(key).strip()).as("%s in messages_%s", key, lang.code()).isNotEmpty()));
    }

    @Test
    void everyPatternParsesAndTakesTheSameArgumentsInEveryLanguage() {
        for (String key : allKeys()) {
            Integer expected = null;
            for (Lang lang : Lang.values()) {
                String pattern = BUNDLES.get(lang).getProperty(key);
                assertThatCode(() -> new MessageFormat(pattern, lang.locale()))
                        .as("%s in messages_%s", key, lang.code()).doesNotThrowAnyException();
                int args = new MessageFormat(pattern, lang.locale()).getFormatsByArgumentIndex().length;
                if (expected == null) {
                    expected = args;
                }
                assertThat(args).as("argument count of %s in messages_%s", key, lang.code()).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyKeyTheScreensUseExists() {
        Messages messages = new Messages();
        assertThat(UiKeys.all()).hasSizeGreaterThan(50).doesNotHaveDuplicates();
        for (String key : UiKeys.all()) {
            for (Lang lang : Lang.values()) {
                assertThat(messages.has(lang, key)).as("%s in messages_%s", key, lang.code()).isTrue();
            }
        }
    }

    @Test
    void languageNamesAreTheirOwnInEveryBundle() {
        // The language switch labels each language in itself, whatever language is showing.
        for (Lang lang : Lang.values()) {
            assertThat(UiKeys.all()).contains(UiKeys.languageName(lang));
            assertThat(BUNDLES.get(lang).getProperty(UiKeys.LANG_RU)).isEqualTo("Русский");
            assertThat(BUNDLES.get(lang).getProperty(UiKeys.LANG_EN)).isEqualTo("English");
            assertThat(BUNDLES.get(lang).getProperty(UiKeys.LANG_ZH)).isEqualTo("中文");
        }
    }
}
