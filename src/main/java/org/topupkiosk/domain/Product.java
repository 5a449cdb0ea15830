package org.topupkiosk.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A package an operator sells through the kiosk: data, voice minutes or both, for a period.
 *
 * @param dataMb       included data in megabytes, 0 for none, {@link #UNLIMITED_QUANTITY} for unlimited
 * @param voiceMinutes included minutes, 0 for none, {@link #UNLIMITED_QUANTITY} for unlimited
 * @param titles       display title per language code (ru, en, zh)
 */
public record Product(String id, String operatorId, Kind kind, Period period, Money price, long dataMb,
                      long voiceMinutes, Map<String, String> titles) {

    public static final long UNLIMITED_QUANTITY = -1;

    public enum Kind { DATA, VOICE, COMBO }

    public enum Period { DAY, MONTH, UNLIMITED }

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(price, "price");
        titles = Map.copyOf(titles);
        if (!price.isPositive()) {
            throw new IllegalArgumentException("product " + id + ": price must be above zero, got " + price);
        }
        if (dataMb < UNLIMITED_QUANTITY || voiceMinutes < UNLIMITED_QUANTITY) {
            throw new IllegalArgumentException("product " + id + ": negative quantity");
        }
    }

    public String title(String language) {
        String t = titles.get(language);
        return t != null ? t : titles.getOrDefault("ru", id);
    }
}
