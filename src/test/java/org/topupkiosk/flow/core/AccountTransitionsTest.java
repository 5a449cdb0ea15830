package org.topupkiosk.flow.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.topupkiosk.flow.account.AccountServices;

/** The transitions of auto top-up and recent payments: every step of both paths, and no step around the code. */
class AccountTransitionsTest {

    private static void path(Screen... screens) {
        for (int i = 0; i + 1 < screens.length; i++) {
            assertThat(Transitions.allowed(screens[i], screens[i + 1])).as("%s -> %s", screens[i], screens[i + 1])
                    .isTrue();
        }
    }

    @Test
    void bothServicesAreAllowedStepByStepIncludingTheirWayBack() {
        path(Screen.HOME, Screen.NUMBER_ENTRY, Screen.AUTO_TOPUP_THRESHOLD, Screen.AUTO_TOPUP_AMOUNT,
                Screen.AUTO_TOPUP_SUMMARY, Screen.OTP_SENDING, Screen.OTP_ENTRY, Screen.OTP_CHECKING,
                Screen.AUTO_TOPUP_SUBMITTING, Screen.AUTO_TOPUP_DONE, Screen.IDLE);
        path(Screen.HOME, Screen.NUMBER_ENTRY, Screen.OTP_SENDING, Screen.OTP_ENTRY, Screen.OTP_CHECKING,
                Screen.HISTORY_LIST, Screen.HOME);
        path(Screen.OTP_ENTRY, Screen.OTP_SENDING, Screen.OTP_ENTRY, Screen.AUTO_TOPUP_SUMMARY, Screen.AUTO_TOPUP_AMOUNT,
                Screen.AUTO_TOPUP_THRESHOLD, Screen.NUMBER_ENTRY);
        path(Screen.OTP_SENDING, Screen.NUMBER_ENTRY);
        path(Screen.OTP_CHECKING, Screen.OTP_ENTRY);
        path(Screen.AUTO_TOPUP_SUBMITTING, Screen.OTP_ENTRY);
        path(Screen.AUTO_TOPUP_SUBMITTING, Screen.NUMBER_ENTRY);
    }

    @Test
    void nothingSkipsTheCode() {
        assertThat(Transitions.allowed(Screen.AUTO_TOPUP_SUMMARY, Screen.AUTO_TOPUP_SUBMITTING)).isFalse();
        assertThat(Transitions.allowed(Screen.OTP_ENTRY, Screen.AUTO_TOPUP_SUBMITTING)).isFalse();
        assertThat(Transitions.allowed(Screen.OTP_ENTRY, Screen.HISTORY_LIST)).isFalse();
        assertThat(Transitions.allowed(Screen.NUMBER_ENTRY, Screen.HISTORY_LIST)).isFalse();
        assertThat(Transitions.allowed(Screen.HOME, Screen.OTP_ENTRY)).isFalse();
        assertThat(Transitions.allowed(Screen.HISTORY_LIST, Screen.CASH_INSERTION)).isFalse();
        assertThat(Transitions.allowed(Screen.AUTO_TOPUP_DONE, Screen.CASH_INSERTION)).isFalse();
    }

    @Test
    void theCustomerActsOnTheServiceScreensAndWaitsOnTheCarrierOnly() {
        for (Screen s : new Screen[] {Screen.AUTO_TOPUP_THRESHOLD, Screen.AUTO_TOPUP_AMOUNT, Screen.AUTO_TOPUP_SUMMARY,
                Screen.OTP_ENTRY, Screen.AUTO_TOPUP_DONE, Screen.HISTORY_LIST}) {
            assertThat(s.watchesInactivity()).as(s.name()).isTrue();
        }
        for (Screen s : new Screen[] {Screen.OTP_SENDING, Screen.OTP_CHECKING, Screen.AUTO_TOPUP_SUBMITTING}) {
            assertThat(s.watchesInactivity()).as(s.name()).isFalse();
        }
        assertThat(AccountServices.endsOnLock(Screen.OTP_CHECKING)).isTrue();
        assertThat(AccountServices.endsOnLock(Screen.AUTO_TOPUP_SUBMITTING)).as("its answer is journaled first")
                .isFalse();
    }
}
