package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.testing.Kioskctl;

/**
 * {@code kioskctl fiscal status|last|z-report --tcp} over real loopback TCP to a scripted register: the driver, the
 * TCP link and the command's output and exit status together. (The end-to-end run against the Shtrih-M emulator
 * belongs with the emulator, FISCAL-EMU.)
 */
class ShtrihKioskctlTcpTest {

    static final String FN = "9999078900001234";
    static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 9, 5);

    private final MemoryLink[] pair = MemoryLink.pair("tcp-register");
    private volatile int paperFlags = ShtrihStatusMessages.FLAG_RECEIPT_ROLL
            | ShtrihStatusMessages.FLAG_RECEIPT_PAPER;
    private final ScriptedShtrihPeer peer = new ScriptedShtrihPeer(pair[1], this::answer);
    private TcpBridge bridge;

    @AfterEach
    void close() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        peer.close();
    }

    private ShtrihAnswer answer(ShtrihRequest req) {
        byte[] data = switch (req.command()) {
            case FN_SHIFT_PARAMETERS -> new ShtrihFnMessages.ShiftParameters(true, 7, 0).encode();
            case FN_SERIAL -> new ShtrihFnMessages.FnSerial(FN).encode();
            case FN_STATUS -> new ShtrihFnMessages.FnStatus(3, 0, false, true, 0, AT, FN, 12).encode();
            case FN_EXPIRY -> new ShtrihFnMessages.FnExpiry(LocalDate.of(2099, 3, 31), 30, 1).encode();
            case FN_EXCHANGE_STATUS -> new ShtrihFnMessages.ExchangeStatus(0, false, 2, 11, Optional.of(AT)).encode();
            case FN_FIND_DOCUMENT -> {
                long n = ShtrihFnMessages.FindDocument.decode(req.params()).number();
                yield n == 12 ? new ShtrihFnMessages.FoundDocument(2, false, AT, 12, 4242, 0, 0, 7).encode()
                        : new ShtrihFnMessages.FoundDocument(3, false, AT, n, 1, 1, 100, 0).encode();
            }
            case FULL_STATUS -> new ShtrihStatusMessages.FullStatus(30, "A4", 1, LocalDate.of(2025, 1, 1), 1, 1,
                    paperFlags, 2, 0, 0, "A4", 1, LocalDate.of(2025, 1, 1), AT.toLocalDate(), LocalTime.NOON, 0, 1,
                    6, 0, 1, 11, 7712345678L).encode();
            default -> new byte[] {30};
        };
        return ShtrihAnswer.ok(req.command(), data);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        int exit = Kioskctl.run(out, out, args);
        return new String[] {String.valueOf(exit), out.toString()};
    }

    @Test
    void statusOverTcpEndsWithTheOkLine() throws Exception {
        bridge = new TcpBridge(pair[0]);
        String[] r = run("fiscal", "status", "--tcp", "127.0.0.1:" + bridge.port());
        assertThat(r[1].strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("fiscal ok fn=" + FN + " shift=7 open=true unsent=2");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("opened_at=2026-12-07T09:05").contains("paper=ok");

        String[] last = run("fiscal", "last", "--tcp", "127.0.0.1:" + bridge.port());
        assertThat(last[1]).contains("last kind=shift_open number=12 fp=4242");
        assertThat(last[0]).isEqualTo("0");

        paperFlags = 0;
        String[] out = run("fiscal", "status", "--tcp", "127.0.0.1:" + bridge.port());
        assertThat(out[1].strip()).endsWith("fiscal fault out of paper");
        assertThat(out[0]).isEqualTo("1");
    }

    @Test
    void silentRegisterIsAFaultLine() throws Exception {
        bridge = new TcpBridge(pair[0]);
        peer.ignoreEnq = 1000;
        String[] r = run("fiscal", "status", "--tcp", "127.0.0.1:" + bridge.port());
        assertThat(r[1].strip()).startsWith("fiscal fault").contains("does not answer ENQ");
        assertThat(r[0]).isEqualTo("1");
    }
}
