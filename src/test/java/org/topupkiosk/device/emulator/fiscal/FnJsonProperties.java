package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.device.fiscal.FiscalDocument;

/** The storage's state-file lines: every document reads back equal; a damaged field is named, never half-read. */
class FnJsonProperties {

    @Provide
    Arbitrary<FnDocument> documents() {
        Arbitrary<FnOperation> ops = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.longs().between(1, 10_000_000_000L), Arbitraries.longs().between(0, 99_999_999L),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(128), Arbitraries.bytes().array(byte[].class)
                        .ofMaxSize(64)).as((t, q, p, n, tlv) -> new FnOperation(t, q, p, p, 8, 4, 10, n, tlv));
        Arbitrary<Optional<FnReceipt>> receipts = Combinators.combine(Arbitraries.integers().between(1, 4),
                ops.list().ofMinSize(1).ofMaxSize(4), Arbitraries.longs().between(0, 1_000_000_00L),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64)).as((s, o, cash, tlv) ->
                        Optional.of(new FnReceipt(s, 2, cash, 0, 0, o, tlv)));
        return Combinators.combine(Arbitraries.of(FiscalDocument.Kind.class), Arbitraries.longs().between(1, 1 << 30),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.longs().between(0, 1L << 40),
                Arbitraries.integers().between(0, 65535),
                Arbitraries.oneOf(receipts, Arbitraries.just(Optional.<FnReceipt>empty())))
                .as((k, n, fp, sum, shift, r) -> new FnDocument(k, n, fp,
                        LocalDateTime.of(2026, 12, 7, 9, 0).plusSeconds(n), sum, shift, r));
    }

    @Property(tries = 300)
    void everyDocumentReadsBackEqual(@ForAll("documents") FnDocument d) {
        assertThat(FnJson.document(FnJson.document(d))).isEqualTo(d);
    }

    @Property(tries = 300)
    void aDamagedFieldIsNamed(@ForAll("documents") FnDocument d, @ForAll("fields") String field) {
        ObjectNode o = FnJson.document(d);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (!names.contains(field)) {
            return;
        }
        o.put(field, field.equals("kind") || field.equals("dateTime") ? "garbage" : "12x");
        assertThatThrownBy(() -> FnJson.document(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field " + field);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("kind", "number", "fiscalSign", "dateTime", "sum", "shift");
    }
}
