package org.topupkiosk.flow.core;

import java.util.List;

/**
 * The keypad keys and the big list arrows, the same on every screen that has them: the number and amount, the scratch
 * card PIN, the phone's EID or IMEI, the one-time code; and the package, offer and payment lists. Pure.
 */
public final class TouchInput {

    private TouchInput() {}

    /**
     * Applies a keypad key to {@code digits}: a digit while there is room ({@code maxLength}; a leading zero refused when
     * {@code noLeadingZero}), backspace, clear. Returns false when {@code c} is not a keypad key, so the screen goes on
     * to its own commands.
     */
    public static boolean edit(StringBuilder digits, Object c, int maxLength, boolean noLeadingZero) {
        if (c instanceof KeypadKey.Digit d) {
            if (digits.length() < maxLength && !(noLeadingZero && digits.isEmpty() && d.digit() == 0)) {
                digits.append(d.digit());
            }
        } else if (c instanceof KeypadKey.Backspace) {
            if (!digits.isEmpty()) {
                digits.setLength(digits.length() - 1);
            }
        } else if (c instanceof KeypadKey.Clear) {
            digits.setLength(0);
        } else {
            return false;
        }
        return true;
    }

    /** How many pages {@code items} take, {@code perPage} to a page; an empty list is one (empty) page. */
    public static int pages(int items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    /** The page a big arrow leads to from {@code page}: one up or down, never past the first or the last. */
    public static int turn(int page, int delta, int items, int perPage) {
        return Math.max(0, Math.min(pages(items, perPage) - 1, page + Integer.signum(delta)));
    }

    /** The items shown on {@code page}. */
    public static <T> List<T> page(List<T> items, int page, int perPage) {
        int from = Math.min(items.size(), page * perPage);
        return items.subList(from, Math.min(items.size(), from + perPage));
    }
}
