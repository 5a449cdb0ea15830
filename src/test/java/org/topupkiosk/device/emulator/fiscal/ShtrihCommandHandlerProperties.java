package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.device.fiscal.shtrih.ShtrihAnswer;
import org.topupkiosk.device.fiscal.shtrih.ShtrihCommand;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFrame;

/**
 * Whatever request body reaches the register (a known command with random parameters, or random bytes), it answers
 * with a frame for that command: OK or a refusal code, never an exception, and the storage only ever grows by whole
 * documents numbered in order.
 */
class ShtrihCommandHandlerProperties {

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> known = Arbitraries.of(ShtrihCommand.class).flatMap(c -> Arbitraries.bytes()
                .array(byte[].class).ofMaxSize(120).map(p -> {
                    byte[] code = c.codeBytes();
                    byte[] pw = {30, 0, 0, 0};
                    byte[] out = new byte[code.length + pw.length + p.length];
                    System.arraycopy(code, 0, out, 0, code.length);
                    System.arraycopy(pw, 0, out, code.length, pw.length);
                    System.arraycopy(p, 0, out, code.length + pw.length, p.length);
                    return out;
                }));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(ShtrihFrame.MAX_BODY);
        return Arbitraries.oneOf(known, random);
    }

    @Property(tries = 400)
    void everyBodyGetsAnAnswerForItsCommand(@ForAll("bodies") byte[] body) throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(FiscalStorageTest.SERIAL, LocalDate.of(2027, 12, 31),
                FiscalStorageTest.KEY, 100);
        EmulatedRegister register = new EmulatedRegister(fn, new TestClock(Instant.parse("2026-12-07T09:00:00Z")),
                new ReceiptPaper(null), 1, 30);
        register.openShift();
        register.addOperation(EmulatedRegisterTest.payment(100));
        ShtrihCommandHandler handler = new ShtrihCommandHandler(register);
        ShtrihFrame frame = new ShtrihFrame(body);
        ShtrihAnswer a = handler.handle(frame);
        int first = body[0] & 0xFF;
        if (first != 0xFF || body.length > 1) {
            assertThat(a.command()).isEqualTo(frame.command());
        }
        assertThat(a.error()).isBetween(0, 0xFF);
        ShtrihAnswer decoded = ShtrihAnswer.decode(a.frame());
        assertThat(decoded).isEqualTo(a);
        for (int i = 0; i < fn.archive().size(); i++) {
            assertThat(fn.archive().get(i).number()).isEqualTo(i + 1L);
        }
    }
}
