package org.topupkiosk.flow.core;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The flow's transition table. A move not listed here is a defect: the flow logs and refuses it. IDLE, OUT_OF_SERVICE
 * and SERVICE_LOCK are reachable from everywhere because a session may end, a device may fail, or the door may open at
 * any moment; money is settled before those moves.
 */
public final class Transitions {

    private static final Map<Screen, Set<Screen>> ALLOWED = new EnumMap<>(Screen.class);

    static {
        allow(IDLE, LANGUAGE, CASH_INSERTION, CONFIRM, RECEIPT, CREDIT_VOUCHER);
        allow(LANGUAGE, HOME);
        allow(HOME, LANGUAGE, OPERATOR_CHOICE, NUMBER_ENTRY, VOUCHER_PIN);
        allow(OPERATOR_CHOICE, HOME, NUMBER_ENTRY);
        // Number entry serves every service: it goes back to where that service came from.
        allow(NUMBER_ENTRY, OPERATOR_CHOICE, HOME, VOUCHER_CONFIRM, CHECKING_NUMBER, SUBMITTING);
        allow(CHECKING_NUMBER, NUMBER_ENTRY, OPERATOR_CONFIRM, BALANCE_RESULT, PACKAGE_LIST);
        allow(BALANCE_RESULT, HOME, CHECKING_NUMBER);
        allow(PACKAGE_LIST, NUMBER_ENTRY, PACKAGE_DETAILS);
        allow(PACKAGE_DETAILS, PACKAGE_LIST, CASH_INSERTION);
        allow(VOUCHER_PIN, HOME, VOUCHER_CHECKING);
        allow(VOUCHER_CHECKING, VOUCHER_PIN, VOUCHER_CONFIRM, HOME);
        allow(VOUCHER_CONFIRM, VOUCHER_PIN, NUMBER_ENTRY);
        allow(OPERATOR_CONFIRM, NUMBER_ENTRY, AMOUNT_ENTRY);
        // Find my number: the SIM is read (also from the operator tiles and the number screen, to fill the number),
        // the carrier asked; the result leads into the top-up's or the balance's own check. No money on any of these.
        allow(HOME, SIM_INSERT);
        allow(OPERATOR_CHOICE, SIM_READING);
        allow(NUMBER_ENTRY, SIM_READING);
        allow(SIM_INSERT, HOME, SIM_READING, SIM_FAILED, NUMBER_ENTRY);
        allow(SIM_READING, SIM_INSERT, SIM_RESULT, SIM_FAILED, NUMBER_ENTRY);
        allow(SIM_RESULT, HOME, CHECKING_NUMBER);
        allow(SIM_FAILED, SIM_INSERT, NUMBER_ENTRY);
        allow(AMOUNT_ENTRY, OPERATOR_CONFIRM, CASH_INSERTION);
        allow(CASH_INSERTION, AMOUNT_ENTRY, PACKAGE_DETAILS, CONFIRM, SUBMITTING, RECEIPT, CREDIT_VOUCHER);
        allow(CONFIRM, CASH_INSERTION, SUBMITTING, RECEIPT, CREDIT_VOUCHER);
        // A scratch card the carrier refuses moved no money: back to the number or the PIN, with the reason.
        allow(SUBMITTING, RECEIPT, NUMBER_ENTRY, VOUCHER_PIN);
        allow(RECEIPT, DONE, CREDIT_VOUCHER);
        allow(DONE, LANGUAGE, RECEIPT);
        allow(CREDIT_VOUCHER, LANGUAGE, RECEIPT);
        allow(OUT_OF_SERVICE, RECEIPT, CREDIT_VOUCHER);
        allow(SERVICE_LOCK, RECEIPT, CREDIT_VOUCHER);
        // Auto top-up and recent payments: number, then (auto top-up) threshold, amount and summary, then the code.
        allow(NUMBER_ENTRY, AUTO_TOPUP_THRESHOLD, OTP_SENDING);
        allow(AUTO_TOPUP_THRESHOLD, NUMBER_ENTRY, AUTO_TOPUP_AMOUNT);
        allow(AUTO_TOPUP_AMOUNT, AUTO_TOPUP_THRESHOLD, AUTO_TOPUP_SUMMARY);
        allow(AUTO_TOPUP_SUMMARY, AUTO_TOPUP_AMOUNT, OTP_SENDING);
        // A code the carrier will not send goes back to where it was asked for, with the reason.
        allow(OTP_SENDING, OTP_ENTRY, NUMBER_ENTRY, AUTO_TOPUP_SUMMARY);
        allow(OTP_ENTRY, OTP_CHECKING, OTP_SENDING, AUTO_TOPUP_SUMMARY, NUMBER_ENTRY);
        allow(OTP_CHECKING, OTP_ENTRY, AUTO_TOPUP_SUBMITTING, HISTORY_LIST);
        // An enrolment refused moved nothing: back to the code, the summary or the number, with the reason.
        allow(AUTO_TOPUP_SUBMITTING, AUTO_TOPUP_DONE, OTP_ENTRY, AUTO_TOPUP_SUMMARY, NUMBER_ENTRY);
        allow(AUTO_TOPUP_DONE);
        allow(HISTORY_LIST, HOME);
        // e-PIN and eSIM (GoodsSales). A claim code scanned on HOME prints the goods (RECEIPT) or the refund voucher.
        allow(HOME, GOODS_OPERATOR, RECEIPT);
        allow(GOODS_OPERATOR, HOME, GOODS_LOADING);
        allow(GOODS_LOADING, GOODS_OPERATOR, GOODS_LIST);
        allow(GOODS_LIST, GOODS_OPERATOR, ESIM_DEVICE, GOODS_DETAILS);
        allow(ESIM_DEVICE, GOODS_LIST, GOODS_DETAILS);
        allow(GOODS_DETAILS, GOODS_LIST, ESIM_DEVICE, CASH_INSERTION);
        allow(CASH_INSERTION, GOODS_DETAILS);
        allow(RECEIPT, GOODS_DONE);
        // The carrier's late answer while the customer reads the pending screen: the goods or the refund print.
        allow(GOODS_DONE, RECEIPT, LANGUAGE);
        for (Screen s : Screen.values()) {
            ALLOWED.get(s).addAll(EnumSet.of(IDLE, OUT_OF_SERVICE, SERVICE_LOCK));
        }
    }

    private Transitions() {}

    private static void allow(Screen from, Screen... to) {
        ALLOWED.computeIfAbsent(from, k -> EnumSet.noneOf(Screen.class)).addAll(EnumSet.of(from, to));
    }

    public static boolean allowed(Screen from, Screen to) {
        Set<Screen> targets = ALLOWED.get(from);
        return targets != null && targets.contains(to);
    }
}
