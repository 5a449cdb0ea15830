package org.topupkiosk.carrier;

import java.util.Map;
import org.topupkiosk.domain.Money;

/**
 * A product the carrier sells. {@code kind} is "data", "voice" or "combo"; {@code period} is "day", "month" or
 * "unlimited". {@code titles} maps a language code (ru, en, zh) to the product's name in it.
 */
public record CatalogEntry(String productId, String operatorId, String kind, String period, Money price,
                           long dataMb, long voiceMinutes, Map<String, String> titles) {}
