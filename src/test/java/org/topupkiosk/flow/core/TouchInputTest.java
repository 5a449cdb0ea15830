package org.topupkiosk.flow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.flow.core.FlowCommand.*;

class TouchInputTest {

    @Test
    void digitsStopAtTheLengthAndBackspaceAndClearEdit() {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            assertThat(TouchInput.edit(d, new Digit(i + 1), 3, false)).isTrue();
        }
        assertThat(d).hasToString("123");
        assertThat(TouchInput.edit(d, new Backspace(), 3, false)).isTrue();
        assertThat(d).hasToString("12");
        assertThat(TouchInput.edit(d, new Clear(), 3, false)).isTrue();
        assertThat(d).isEmpty();
        assertThat(TouchInput.edit(d, new Backspace(), 3, false)).as("backspace on nothing is still a key").isTrue();
        assertThat(d).isEmpty();
    }

    @Test
    void aLeadingZeroIsRefusedOnlyWhenAsked() {
        StringBuilder amount = new StringBuilder();
        TouchInput.edit(amount, new Digit(0), 6, true);
        assertThat(amount).isEmpty();
        TouchInput.edit(amount, new Digit(5), 6, true);
        TouchInput.edit(amount, new Digit(0), 6, true);
        assertThat(amount).hasToString("50");
        StringBuilder pin = new StringBuilder();
        TouchInput.edit(pin, new Digit(0), 6, false);
        assertThat(pin).hasToString("0");
    }

    @Test
    void otherCommandsAreNotKeypadKeysAndChangeNothing() {
        StringBuilder d = new StringBuilder("12");
        assertThat(TouchInput.edit(d, new Next(), 6, false)).isFalse();
        assertThat(TouchInput.edit(d, new Back(), 6, false)).isFalse();
        assertThat(d).hasToString("12");
    }

    @Test
    void pagesTurnOneAtATimeAndStopAtTheEnds() {
        assertThat(TouchInput.pages(0, 4)).isEqualTo(1);
        assertThat(TouchInput.pages(4, 4)).isEqualTo(1);
        assertThat(TouchInput.pages(9, 4)).isEqualTo(3);
        assertThat(TouchInput.turn(0, -1, 9, 4)).isZero();
        assertThat(TouchInput.turn(0, 5, 9, 4)).as("one page per arrow, whatever the delta").isEqualTo(1);
        assertThat(TouchInput.turn(2, 1, 9, 4)).isEqualTo(2);
        assertThat(TouchInput.page(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 2, 4)).containsExactly(9);
        assertThat(TouchInput.page(List.of(1, 2, 3), 1, 4)).isEmpty();
    }
}
