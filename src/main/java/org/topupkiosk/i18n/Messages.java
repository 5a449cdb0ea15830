package org.topupkiosk.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;

/**
 * The kiosk's strings in ru, en and zh, from {@code i18n/messages_*.properties} (UTF-8). Arguments that are
 * {@link Money} are formatted in the language's locale. A missing key is a defect that a test catches; at run time it
 * shows the key rather than crash the screen.
 */
public final class Messages {

    private static final String BASE = "i18n.messages";

    private final Map<Lang, ResourceBundle> bundles = new EnumMap<>(Lang.class);

    public Messages() {
        for (Lang lang : Lang.values()) {
            bundles.put(lang, ResourceBundle.getBundle(BASE, lang.locale(), NO_FALLBACK));
        }
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String get(Lang lang, String key, Object... args) {
        return format(lang, key, List.of(args));
    }

    public String format(Lang lang, String key, List<Object> args) {
        String pattern;
        try {
            pattern = bundles.get(lang).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.isEmpty()) {
            return pattern;
        }
        Object[] formatted = new Object[args.size()];
        for (int i = 0; i < formatted.length; i++) {
            Object a = args.get(i);
            formatted[i] = a instanceof Money m ? m.format(lang.locale()) : String.valueOf(a);
        }
        return new MessageFormat(pattern, lang.locale()).format(formatted);
    }

    public boolean has(Lang lang, String key) {
        return bundles.get(lang).containsKey(key);
    }

    /** All keys of one language, for the completeness test. */
    public Set<String> keys(Lang lang) {
        return bundles.get(lang).keySet();
    }
}
