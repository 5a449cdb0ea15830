package org.topupkiosk.carrier;

import java.time.LocalDate;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** Balance and expiry of a prepaid account; {@code expiresOn} may be null when the tariff has no expiry. */
public record Balance(Msisdn msisdn, String operatorId, Money amount, LocalDate expiresOn) {}
