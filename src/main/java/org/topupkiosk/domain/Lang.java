package org.topupkiosk.domain;

import java.util.Locale;

/** The three languages of the kiosk. Every user-facing string exists in each. */
public enum Lang {
    RU("ru"), EN("en"), ZH("zh");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(code);
    }

    public static Lang of(String code) {
        for (Lang l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "' (expected ru, en or zh)");
    }
}
