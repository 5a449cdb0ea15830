package org.topupkiosk.carrier;

import java.util.Map;
import java.util.Objects;
import org.topupkiosk.domain.Money;

/**
 * An e-PIN nominal or an eSIM plan the carrier sells ({@code GET /v1/goods}). {@code price} is what the carrier takes;
 * for an e-PIN it is also the voucher's nominal (what the PIN puts on a balance). An eSIM plan includes
 * {@code dataMb} and {@code voiceMinutes} (-1 unlimited, 0 none) for {@code validDays} days; an e-PIN has zeros there
 * and {@code validDays} is how long the PIN can be applied. {@code titles} maps ru, en, zh to the offer's name.
 */
public record GoodsOffer(String productId, String operatorId, GoodsKind kind, Money price, long dataMb,
                         long voiceMinutes, int validDays, Map<String, String> titles) {

    public GoodsOffer {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(price, "price");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("price must be above zero, got " + price);
        }
        if (dataMb < -1 || voiceMinutes < -1 || validDays < 0) {
            throw new IllegalArgumentException("quantities must be -1 (unlimited) or more, days 0 or more");
        }
        titles = Map.copyOf(titles);
    }

    /** The title in {@code lang}, else Russian, else the product id. */
    public String title(String lang) {
        return titles.getOrDefault(lang, titles.getOrDefault("ru", productId));
    }
}
