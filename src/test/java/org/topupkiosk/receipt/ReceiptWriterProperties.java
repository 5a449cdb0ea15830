package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.testing.Property;

class ReceiptWriterProperties {

    private static final String ALPHABET = "ab Жё 中文。1-/:" + "  ";

    @Test
    void wrapNeverExceedsTheWidthAndKeepsEveryCharacter() {
        Property.forAll(2000, r -> {
            String text = Property.randomString(r, ALPHABET, 120);
            int width = r.nextBoolean() ? 16 : 21;   // large type at 32 and 42 columns
            List<String> parts = ReceiptWriter.wrap(text, width);
            assertThat(parts).allSatisfy(p -> assertThat(Receipt.displayWidth(p)).isLessThanOrEqualTo(width));
            assertThat(String.join("", parts).replace(" ", "")).isEqualTo(text.replace(" ", ""));
        });
    }
}
