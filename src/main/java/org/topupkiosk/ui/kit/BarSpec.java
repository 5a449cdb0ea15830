package org.topupkiosk.ui.kit;

import org.topupkiosk.flow.core.FlowCommand;

/**
 * What the frame's bottom bar shows on a screen: a left (secondary) action, a middle one, and the primary action that
 * always sits at the right. A null slot is hidden.
 */
public record BarSpec(Action left, Action middle, Action primary) {

    public static final BarSpec NONE = new BarSpec(null, null, null);

    /** The usual bar: Back on the left, Start over in the middle, {@code primary} (none when null) at the right. */
    public static BarSpec backStartOver(Action primary) {
        return new BarSpec(Action.of(UiKeys.BACK, new FlowCommand.Back()),
                Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()), primary);
    }

    /** The usual bar with {@code key} at the right, which moves on ({@link FlowCommand.Next}) when {@code enabled}. */
    public static BarSpec backStartOverNext(String key, boolean enabled) {
        return backStartOver(Action.of(key, new FlowCommand.Next(), enabled));
    }

    /** One bar button: its label key, what it sends, whether it is enabled, and whether it warns (cancel with cash). */
    public record Action(String key, FlowCommand command, boolean enabled, boolean danger) {

        public static Action of(String key, FlowCommand command) {
            return new Action(key, command, true, false);
        }

        public static Action of(String key, FlowCommand command, boolean enabled) {
            return new Action(key, command, enabled, false);
        }

        public Action danger(boolean danger) {
            return new Action(key, command, enabled, danger);
        }
    }
}
