package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.ScannerControl;
import org.topupkiosk.flow.core.Screen;

/**
 * The code scanner: armed on the screens that take a code and only there, and what a scanned code means on each. The
 * scratch card and credit voucher are secrets: logs get the kind (and a mask), never the code.
 */
final class ScannedCodes {

    private static final Logger log = LoggerFactory.getLogger(ScannedCodes.class);

    private final Stage stage;
    private final CustomerServices services;
    private final CashIntake cash;
    private final PaymentClaims claims;
    private ScannerControl scanner = ScannerControl.NONE;

    ScannedCodes(Stage stage, CustomerServices services, CashIntake cash, PaymentClaims claims) {
        this.stage = stage;
        this.services = services;
        this.cash = cash;
        this.claims = claims;
    }

    void attach(ScannerControl control) {
        this.scanner = Objects.requireNonNull(control, "control");
    }

    /** Screens where a scanned code means something; the scanner is armed there and only there. */
    private static boolean takesCodes(Screen s) {
        return s == IDLE || s == HOME || s == NUMBER_ENTRY || s == VOUCHER_PIN || s == CASH_INSERTION;
    }

    /** Arms the scanner on a screen that takes a code (again after each reading), disarms it everywhere else. */
    void sync() {
        if (takesCodes(stage.screen)) {
            scanner.arm();
        } else {
            scanner.disarm();
        }
    }

    /**
     * What a scanned code means on the current screen; a reading that raced a change to a screen without codes is
     * dropped.
     */
    void onScanned(CodeMeaning meaning) {
        String kind = meaning.getClass().getSimpleName();
        log.info("code scanned kind={} screen={}", meaning instanceof CodeMeaning.ScratchCard sc ? sc : kind,
                stage.screen);
        if (!takesCodes(stage.screen)) {
            return;
        }
        if (stage.screen == IDLE) {
            // A scan wakes the kiosk like a touch does; the language stays the default, the customer may switch it.
            stage.startSession();
            stage.moveTo(HOME);
        }
        Screen screen = stage.screen;
        if (meaning instanceof CodeMeaning.Unknown u) {
            stage.message = FlowMessage.error(u.reason().messageKey());
        } else if (meaning instanceof CodeMeaning.ScratchCard card && (screen == HOME || screen == VOUCHER_PIN)) {
            if (card.isPin()) {
                services.scratchPinScanned(card.code());
            } else {
                // The EAN-13 on the back names the card; the carrier redeems by the PIN under the scratch layer.
                stage.message = FlowMessage.warning("scan.scratch.card_number");
            }
        } else if (meaning instanceof CodeMeaning.CreditVoucher v && screen == CASH_INSERTION) {
            cash.applyScannedCredit(v.code());
        } else if (meaning instanceof CodeMeaning.CreditVoucher && screen == HOME) {
            // A voucher pays for a top-up or a package, to a number and operator the kiosk does not know yet; it is
            // spent into an open order, so the customer chooses first and scans it on the payment screen.
            stage.message = FlowMessage.info("scan.credit.choose_service");
        } else if (meaning instanceof CodeMeaning.GoodsClaim claim) {
            // Issue 12: any receipt of an unknown outcome carries a claim code, taken on every screen that takes codes.
            claims.scanned(claim.code());
        } else if (meaning instanceof CodeMeaning.PhoneNumber p && screen == NUMBER_ENTRY) {
            stage.session.numberDigits.setLength(0);
            stage.session.numberDigits.append(p.number().national());
            stage.message = null;
        } else {
            stage.message = FlowMessage.warning(meaning.notHereKey());
        }
    }
}
