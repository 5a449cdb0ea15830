package org.topupkiosk.flow.core;

import java.util.List;

/**
 * A message for the customer: an i18n key and its arguments (Strings or {@link org.topupkiosk.domain.Money}, which the
 * UI formats in the customer's locale). Never an error code: codes go to the log.
 */
public record FlowMessage(Severity severity, String key, List<Object> args) {

    public enum Severity { INFO, WARNING, ERROR }

    public FlowMessage {
        args = List.copyOf(args);
    }

    public static FlowMessage info(String key, Object... args) {
        return new FlowMessage(Severity.INFO, key, List.of(args));
    }

    public static FlowMessage warning(String key, Object... args) {
        return new FlowMessage(Severity.WARNING, key, List.of(args));
    }

    public static FlowMessage error(String key, Object... args) {
        return new FlowMessage(Severity.ERROR, key, List.of(args));
    }
}
