package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.device.serial.MemoryLink;

/**
 * The driver's command sequences and their answers, against a scripted register on an in-memory line whose answers
 * each test sets: what a receipt sends (and in which order, with which bytes), the cancel after a refusal, the lost
 * close, status composed from four commands, waiting out "still printing".
 */
class ShtrihFiscalRegisterTest {

    static final String FN = "9999078900001234";
    static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 9, 5);
    static final FiscalItem.Agent AGENT = new FiscalItem.Agent("Приём платежа", List.of("+79160000001"), List.of());
    static final FiscalItem.Supplier MTS = new FiscalItem.Supplier("ПАО МТС", "7740000076", List.of("+78002500890"));

    private final MemoryLink[] pair = MemoryLink.pair("fiscal");
    private Function<ShtrihRequest, ShtrihAnswer> refusals = req -> null;
    private final AtomicInteger busy = new AtomicInteger();
    private final ScriptedShtrihPeer peer = new ScriptedShtrihPeer(pair[1], this::answer);
    private final ShtrihFiscalRegister register = new ShtrihFiscalRegister(pair[0],
            new ShtrihLink.Settings(300, 100, 3, 3, 3), new ShtrihPasswords(1, 30));

    @AfterEach
    void close() {
        register.close();
        peer.close();
    }

    private ShtrihAnswer answer(ShtrihRequest req) {
        ShtrihAnswer refused = refusals.apply(req);
        if (refused != null) {
            return refused;
        }
        if (busy.getAndDecrement() > 0) {
            return ShtrihAnswer.refused(req.command(), ShtrihErrors.PRINTING_PREVIOUS);
        }
        byte[] data = switch (req.command()) {
            case FN_SHIFT_PARAMETERS -> new ShtrihFnMessages.ShiftParameters(true, 41, 3).encode();
            case FN_SERIAL -> new ShtrihFnMessages.FnSerial(FN).encode();
            case FN_STATUS -> new ShtrihFnMessages.FnStatus(3, 0, false, true, 0, AT, FN, 117).encode();
            case FN_EXPIRY -> new ShtrihFnMessages.FnExpiry(LocalDate.of(2028, 3, 31), 30, 1).encode();
            case FN_EXCHANGE_STATUS -> new ShtrihFnMessages.ExchangeStatus(2, false, 5, 113, Optional.of(AT))
                    .encode();
            case FN_FIND_DOCUMENT -> {
                long n = ShtrihFnMessages.FindDocument.decode(req.params()).number();
                yield n == 114 ? new ShtrihFnMessages.FoundDocument(2, true, AT.minusHours(3), 114, 99, 0, 0, 41)
                        .encode() : new ShtrihFnMessages.FoundDocument(3, false, AT, n, 0xCAFEBABEL, 1, 10_000, 0)
                        .encode();
            }
            case FULL_STATUS -> new ShtrihStatusMessages.FullStatus(30, "A4", 1, LocalDate.of(2025, 1, 1), 1, 1,
                    ShtrihStatusMessages.FLAG_RECEIPT_ROLL | ShtrihStatusMessages.FLAG_RECEIPT_PAPER, 2, 0, 0, "A4", 1,
                    LocalDate.of(2025, 1, 1), AT.toLocalDate(), LocalTime.NOON, 0, 1, 40, 0, 1, 11, 7712345678L).encode();
            case FN_CLOSE_RECEIPT_V2 -> new ShtrihFnMessages.CloseResult(0, 118, 0xCAFEBABEL, Optional.of(AT))
                    .encode();
            case FN_WRITE_TLV, FN_OPERATION_V2, FN_WRITE_OPERATION_TLV -> new byte[0];
            default -> new ShtrihStatusMessages.OperatorAnswer(30).encode();
        };
        return ShtrihAnswer.ok(req.command(), data);
    }

    private static FiscalReceipt receipt() {
        return new FiscalReceipt(FiscalReceipt.Sign.INCOME, FiscalReceipt.TaxSystem.USN_INCOME, List.of(
                new FiscalItem("Оплата услуг связи, +7 916 ***-**-67", 50_000, 1, Optional.of(AGENT),
                        Optional.of(MTS)),
                new FiscalItem("Вознаграждение агента", 1_500, 1, Optional.empty(), Optional.empty())),
                60_000, Optional.of("+79161234567"), "Киоск K-0042");
    }

    private List<ShtrihCommand> sent() {
        return peer.requests.stream().map(ShtrihRequest::command).toList();
    }

    @Test
    void callsBeforeStartAreRefusedWithTheMissingStep() {
        assertThatThrownBy(register::status).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.CLOSED));
    }

    @Test
    void aReceiptGoesOutInOrderWithTheAgentsTags() throws Exception {
        register.start();
        FiscalDocument doc = register.register(receipt());
        assertThat(doc).isEqualTo(new FiscalDocument(FiscalDocument.Kind.RECEIPT_INCOME, 118, 0xCAFEBABEL, AT,
                51_500, FN, 41));
        assertThat(sent()).containsExactly(ShtrihCommand.FN_SHIFT_PARAMETERS, ShtrihCommand.FN_SERIAL,
                ShtrihCommand.OPEN_RECEIPT, ShtrihCommand.FN_WRITE_TLV, ShtrihCommand.FN_WRITE_TLV,
                ShtrihCommand.FN_OPERATION_V2, ShtrihCommand.FN_WRITE_OPERATION_TLV, ShtrihCommand.FN_OPERATION_V2,
                ShtrihCommand.FN_CLOSE_RECEIPT_V2);
        List<ShtrihRequest> r = peer.requests;
        assertThat(r.get(2).password()).isEqualTo(1); // operator password for the cashier's commands
        assertThat(r.get(0).password()).isEqualTo(30); // administrator's for the storage's
        assertThat(ShtrihReceiptMessages.OpenReceipt.decode(r.get(2).params()).type()).isZero();
        assertThat(FfdTlv.decodeAll(r.get(3).params()).get(0).asText()).isEqualTo("Киоск K-0042");
        assertThat(FfdTlv.decodeAll(r.get(4).params()).get(0).tag()).isEqualTo(1008);
        var payment = ShtrihReceiptMessages.OperationV2.decode(r.get(5).params());
        assertThat(payment).isEqualTo(new ShtrihReceiptMessages.OperationV2(1, 1_000_000, 50_000, 50_000, 0, 8, 0, 4,
                10, "Оплата услуг связи, +7 916 ***-**-67"));
        assertThat(FfdTlv.decodeAll(r.get(6).params())).isEqualTo(FfdTlv.agentItemTags(AGENT, MTS));
        assertThat(ShtrihReceiptMessages.OperationV2.decode(r.get(7).params()).subject()).isEqualTo(11);
        var close = ShtrihReceiptMessages.CloseReceiptV2.decode(r.get(8).params());
        assertThat(close.cashMinor()).isEqualTo(60_000);
        assertThat(close.taxSystem()).isEqualTo(FiscalReceipt.TaxSystem.USN_INCOME.bit);
    }

    @Test
    void aRefusedItemCancelsTheReceipt() throws Exception {
        register.start();
        refusals = req -> req.command() == ShtrihCommand.FN_OPERATION_V2
                ? ShtrihAnswer.refused(req.command(), ShtrihErrors.NO_RECEIPT_PAPER) : null;
        assertThatThrownBy(() -> register.register(receipt())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT)).hasMessageContaining("6B");
        assertThat(sent()).endsWith(ShtrihCommand.FN_OPERATION_V2, ShtrihCommand.CANCEL_RECEIPT);
    }

    @Test
    void aRefusedCloseCancelsTheReceipt() throws Exception {
        register.start();
        refusals = req -> req.command() == ShtrihCommand.FN_CLOSE_RECEIPT_V2
                ? ShtrihAnswer.refused(req.command(), 0x45) : null;
        assertThatThrownBy(() -> register.register(receipt())).hasMessageContaining("45");
        assertThat(sent()).endsWith(ShtrihCommand.FN_CLOSE_RECEIPT_V2, ShtrihCommand.CANCEL_RECEIPT);
    }

    @Test
    void aLostCloseIsTimeoutAndNotCancelled() throws Exception {
        register.start();
        peer.silentFor = ShtrihCommand.FN_CLOSE_RECEIPT_V2;
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> register.register(receipt())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.TIMEOUT)).hasMessageContaining(
                "read the last document");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(ShtrihCommand.FN_CLOSE_RECEIPT_V2.timeoutMs - 100);
        assertThat(sent()).endsWith(ShtrihCommand.FN_CLOSE_RECEIPT_V2).doesNotContain(ShtrihCommand.CANCEL_RECEIPT);
    }

    @Test
    void statusComesFromFourCommandsAndTheShiftsOpeningDocument() throws Exception {
        register.start();
        FiscalStatus s = register.status();
        assertThat(s).isEqualTo(new FiscalStatus(true, 41, Optional.of(AT.minusHours(3)), false, FN,
                LocalDate.of(2028, 3, 31), 5, Optional.of(AT), 117, FiscalStatus.Paper.OK));
        assertThat(register.checkHealth().usable()).isTrue();
    }

    @Test
    void stillPrintingIsWaitedOut() throws Exception {
        register.start();
        busy.set(2);
        register.xReport();
        assertThat(sent()).containsExactly(ShtrihCommand.X_REPORT, ShtrihCommand.X_REPORT, ShtrihCommand.X_REPORT);
        assertThat(peer.requests.get(0).password()).isEqualTo(30);
    }

    @Test
    void lastDocumentAndLongLines() throws Exception {
        register.start();
        FiscalDocument last = register.lastDocument().orElseThrow();
        assertThat(last.number()).isEqualTo(117);
        assertThat(last.kind()).isEqualTo(FiscalDocument.Kind.RECEIPT_INCOME);
        assertThat(last.sumMinor()).isEqualTo(10_000);
        register.printLines(List.of("x".repeat(45), "€ копия"));
        assertThat(sent()).endsWith(ShtrihCommand.PRINT_STRING, ShtrihCommand.PRINT_STRING,
                ShtrihCommand.PRINT_STRING);
        assertThat(ShtrihFiscalRegister.cut("€ копия")).containsExactly("€ копия"); // € is in Windows-1251
    }
}
