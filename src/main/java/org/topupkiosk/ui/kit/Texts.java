package org.topupkiosk.ui.kit;

import java.util.List;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.i18n.Messages;

/** The customer's strings in the language of the current snapshot. */
public record Texts(Messages messages, Lang lang) {

    public String get(String key, Object... args) {
        return messages.format(lang, key, List.of(args));
    }

    public String message(FlowMessage message) {
        return messages.format(lang, message.key(), message.args());
    }

    /** A money amount in the customer's locale; an empty string for a value that does not apply yet. */
    public String money(Money m) {
        return m == null ? "" : m.format(lang.locale());
    }
}
