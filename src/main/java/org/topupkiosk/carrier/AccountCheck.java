package org.topupkiosk.carrier;

import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The carrier's answer to "may this number be paid?". {@code operatorId} is the carrier's truth (number portability
 * makes prefixes only a hint). When {@code payable} is false, {@code refusalCode} says why (e.g. "unknown-number",
 * "blocked").
 */
public record AccountCheck(Msisdn msisdn, String operatorId, boolean payable, String refusalCode,
                           Money minAmount, Money maxAmount) {}
