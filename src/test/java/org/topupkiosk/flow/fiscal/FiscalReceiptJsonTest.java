package org.topupkiosk.flow.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;

/** The receipt journaled with its intent reads back as sent; anything else is refused naming the field. */
class FiscalReceiptJsonTest {

    @Provide
    Arbitrary<FiscalReceipt> receipts() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(0).ofMaxLength(40);
        Arbitrary<List<String>> phones = Arbitraries.strings().numeric().ofLength(11).map(s -> "+" + s).list()
                .ofMaxSize(3);
        Arbitrary<FiscalItem> agentItem = Combinators.combine(text, Arbitraries.longs().between(0, 1_000_000_00L),
                Arbitraries.integers().between(1, 5), text, phones, phones, text, phones).as(
                        (name, price, qty, op, ap, opp, sup, sp) -> new FiscalItem(name, price, qty,
                                Optional.of(new FiscalItem.Agent(op, ap, opp)),
                                Optional.of(new FiscalItem.Supplier(sup, "7740000076", sp))));
        Arbitrary<FiscalItem> feeItem = Combinators.combine(text, Arbitraries.longs().between(0, 10_000_00L))
                .as((name, price) -> new FiscalItem(name, price, 1, Optional.empty(), Optional.empty()));
        Arbitrary<List<FiscalItem>> items = Arbitraries.oneOf(agentItem, feeItem).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(FiscalReceipt.Sign.class),
                Arbitraries.of(FiscalReceipt.TaxSystem.class), items, Arbitraries.longs().between(0, 50_000_00L),
                text.optional(), text).as((sign, tax, list, extra, contact, cashier) -> {
                    long total = list.stream().mapToLong(FiscalItem::amountMinor).sum();
                    return new FiscalReceipt(sign, tax, list, total + extra, contact, cashier);
                });
    }

    @Property
    void readsBackWhatWasWritten(@ForAll("receipts") FiscalReceipt r) {
        assertThat(FiscalReceiptJson.read(FiscalReceiptJson.write(r))).isEqualTo(r);
    }

    @Property
    void aDamagedTextIsRefusedNamingWhatIsWrong(@ForAll("receipts") FiscalReceipt r,
                                                @ForAll @IntRange(min = 0, max = 400) int cut,
                                                @ForAll char noise) {
        String json = FiscalReceiptJson.write(r);
        List<String> damaged = new ArrayList<>();
        damaged.add(json.substring(0, Math.min(cut, json.length())));
        int at = Math.min(cut, json.length() - 1);
        damaged.add(json.substring(0, at) + noise + json.substring(at + 1));
        for (String d : damaged) {
            try {
                assertThat(FiscalReceiptJson.read(d)).isNotNull();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("fiscal receipt: ");
            }
        }
    }

    @Test
    void eachMissingFieldIsNamed() {
        assertThatThrownBy(() -> FiscalReceiptJson.read("{}")).hasMessage("fiscal receipt: sign: missing or not text");
        assertThatThrownBy(() -> FiscalReceiptJson.read("{\"sign\":\"INCOME\",\"taxSystem\":\"OSN\",\"items\":[{}]}"))
                .hasMessageContaining("items[0].quantity");
        assertThatThrownBy(() -> FiscalReceiptJson.read("{\"sign\":\"SALE\"}")).hasMessageContaining("sign: unknown");
        assertThatThrownBy(() -> FiscalReceiptJson.read("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> FiscalReceiptJson.read("{\"sign\":\"INCOME\",\"taxSystem\":\"OSN\",\"items\":[],"
                + "\"cashPaidMinor\":0,\"cashier\":\"k\"}")).hasMessageContaining("at least one item");
    }
}
