package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.i18n.Messages;

/** Every SIM failure the customer can meet has its message in ru, en and zh. */
class SimMessagesTest {

    private final Messages messages = new Messages();

    @Test
    void everyErrorCodeHasAMessageInEveryLanguage() {
        for (SimException.Code code : SimException.Code.values()) {
            for (Lang lang : Lang.values()) {
                assertThat(messages.has(lang, code.messageKey())).as("%s in %s", code.messageKey(), lang).isTrue();
            }
        }
    }

    @Test
    void numberNotFoundMessagesExistAndAreChosenByTheCarrierFailure() {
        SimNumberFinder.Found unknown = new SimNumberFinder.Found(Optional.empty(), SimNumberFinder.Source.NONE,
                Optional.empty(), Optional.of(new CarrierException(CarrierException.Kind.REFUSED, "unknown-sim", "x")));
        SimNumberFinder.Found down = new SimNumberFinder.Found(Optional.empty(), SimNumberFinder.Source.NONE,
                Optional.empty(), Optional.of(new CarrierException(CarrierException.Kind.UNREACHABLE, "connect-refused",
                "x")));
        assertThat(unknown.messageKey()).contains(SimNumberFinder.Found.KEY_NOT_STORED);
        assertThat(down.messageKey()).contains(SimNumberFinder.Found.KEY_CARRIER_UNREACHABLE);
        for (Lang lang : Lang.values()) {
            assertThat(messages.has(lang, SimNumberFinder.Found.KEY_NOT_STORED)).isTrue();
            assertThat(messages.has(lang, SimNumberFinder.Found.KEY_CARRIER_UNREACHABLE)).isTrue();
            assertThat(messages.has(lang, SimNumberFinder.Found.KEY_CARD_ONLY)).isTrue();
        }
        SimNumberFinder.Found notAsked = new SimNumberFinder.Found(Optional.empty(), SimNumberFinder.Source.NONE,
                Optional.empty(), Optional.empty());
        assertThat(notAsked.messageKey()).as("no SIM look-up: the card was all there was")
                .contains(SimNumberFinder.Found.KEY_CARD_ONLY);
    }
}
