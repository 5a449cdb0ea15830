package org.topupkiosk.flow.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionsTest {

    @Test
    void everyScreenCanBeLeftForIdleServiceLockAndOutOfService() {
        for (Screen s : Screen.values()) {
            assertThat(Transitions.allowed(s, Screen.IDLE)).as("%s -> IDLE", s).isTrue();
            assertThat(Transitions.allowed(s, Screen.SERVICE_LOCK)).as("%s -> SERVICE_LOCK", s).isTrue();
            assertThat(Transitions.allowed(s, Screen.OUT_OF_SERVICE)).as("%s -> OUT_OF_SERVICE", s).isTrue();
        }
    }

    @Test
    void moneyScreensCannotBeSkipped() {
        assertThat(Transitions.allowed(Screen.NUMBER_ENTRY, Screen.CASH_INSERTION)).isFalse();
        assertThat(Transitions.allowed(Screen.AMOUNT_ENTRY, Screen.SUBMITTING)).isFalse();
        assertThat(Transitions.allowed(Screen.LANGUAGE, Screen.DONE)).isFalse();
        assertThat(Transitions.allowed(Screen.SUBMITTING, Screen.CASH_INSERTION)).isFalse();
        assertThat(Transitions.allowed(Screen.DONE, Screen.CASH_INSERTION)).isFalse();
    }

    @Test
    void theHappyPathIsAllowedStepByStep() {
        Screen[] path = {Screen.IDLE, Screen.LANGUAGE, Screen.HOME, Screen.OPERATOR_CHOICE, Screen.NUMBER_ENTRY,
                Screen.CHECKING_NUMBER,
                Screen.OPERATOR_CONFIRM, Screen.AMOUNT_ENTRY, Screen.CASH_INSERTION, Screen.CONFIRM, Screen.SUBMITTING,
                Screen.RECEIPT, Screen.DONE, Screen.IDLE};
        for (int i = 0; i + 1 < path.length; i++) {
            assertThat(Transitions.allowed(path[i], path[i + 1])).as("%s -> %s", path[i], path[i + 1]).isTrue();
        }
    }

    @Test
    void everyServicePathIsAllowedStepByStep() {
        Screen[][] paths = {
                {Screen.HOME, Screen.NUMBER_ENTRY, Screen.CHECKING_NUMBER, Screen.BALANCE_RESULT, Screen.CHECKING_NUMBER,
                        Screen.OPERATOR_CONFIRM},
                {Screen.HOME, Screen.NUMBER_ENTRY, Screen.CHECKING_NUMBER, Screen.PACKAGE_LIST, Screen.PACKAGE_DETAILS,
                        Screen.CASH_INSERTION, Screen.PACKAGE_DETAILS, Screen.CASH_INSERTION, Screen.CONFIRM,
                        Screen.SUBMITTING, Screen.RECEIPT, Screen.DONE},
                {Screen.HOME, Screen.VOUCHER_PIN, Screen.VOUCHER_CHECKING, Screen.VOUCHER_CONFIRM, Screen.NUMBER_ENTRY,
                        Screen.SUBMITTING, Screen.RECEIPT, Screen.DONE},
                {Screen.VOUCHER_CHECKING, Screen.VOUCHER_PIN},
                {Screen.SUBMITTING, Screen.NUMBER_ENTRY},
                {Screen.SUBMITTING, Screen.VOUCHER_PIN}};
        for (Screen[] path : paths) {
            for (int i = 0; i + 1 < path.length; i++) {
                assertThat(Transitions.allowed(path[i], path[i + 1])).as("%s -> %s", path[i], path[i + 1]).isTrue();
            }
        }
    }

    @Test
    void servicesCannotSkipTheirChecksOrMoney() {
        assertThat(Transitions.allowed(Screen.HOME, Screen.CASH_INSERTION)).isFalse();
        assertThat(Transitions.allowed(Screen.PACKAGE_LIST, Screen.CASH_INSERTION)).isFalse();
        assertThat(Transitions.allowed(Screen.VOUCHER_PIN, Screen.NUMBER_ENTRY)).as("a card is checked first").isFalse();
        assertThat(Transitions.allowed(Screen.VOUCHER_PIN, Screen.SUBMITTING)).isFalse();
        assertThat(Transitions.allowed(Screen.BALANCE_RESULT, Screen.CASH_INSERTION)).isFalse();
        assertThat(Transitions.allowed(Screen.LANGUAGE, Screen.NUMBER_ENTRY)).as("services come first").isFalse();
    }

    @Test
    void findMyNumberPathsAreAllowedAndReachNoMoneyScreenDirectly() {
        Screen[][] paths = {
                {Screen.HOME, Screen.SIM_INSERT, Screen.SIM_READING, Screen.SIM_RESULT, Screen.CHECKING_NUMBER,
                        Screen.OPERATOR_CONFIRM},
                {Screen.SIM_RESULT, Screen.CHECKING_NUMBER, Screen.BALANCE_RESULT},
                {Screen.SIM_INSERT, Screen.SIM_READING, Screen.SIM_INSERT},
                {Screen.SIM_INSERT, Screen.SIM_READING, Screen.SIM_FAILED, Screen.SIM_INSERT},
                {Screen.SIM_FAILED, Screen.NUMBER_ENTRY, Screen.SIM_READING, Screen.NUMBER_ENTRY},
                {Screen.OPERATOR_CHOICE, Screen.SIM_READING, Screen.NUMBER_ENTRY}};
        for (Screen[] path : paths) {
            for (int i = 0; i + 1 < path.length; i++) {
                assertThat(Transitions.allowed(path[i], path[i + 1])).as("%s -> %s", path[i], path[i + 1]).isTrue();
            }
        }
        for (Screen s : new Screen[] {Screen.SIM_INSERT, Screen.SIM_READING, Screen.SIM_RESULT, Screen.SIM_FAILED}) {
            for (Screen money : new Screen[] {Screen.CASH_INSERTION, Screen.CONFIRM, Screen.SUBMITTING, Screen.DONE}) {
                assertThat(Transitions.allowed(s, money)).as("%s -> %s", s, money).isFalse();
            }
        }
    }
}
