package org.topupkiosk.ui.kit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Reads a keys class's String constants, so a completeness test can check every key exists in every bundle. */
public final class KeyConstants {

    private KeyConstants() {}

    /** The values of {@code keys}'s static final String fields, in declaration order. */
    public static List<String> of(Class<?> keys) {
        List<String> out = new ArrayList<>();
        for (Field f : keys.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + keys.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
        return out;
    }
}
