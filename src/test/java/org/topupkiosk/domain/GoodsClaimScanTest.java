package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.testing.Property;

/** Claim codes of pending e-PIN and eSIM receipts, as the scanner reads them (docs/scanner-codes.md). */
class GoodsClaimScanTest {

    @Test
    void aClaimCodeIsFourteenDigitsWithALuhnDigitInEveryVoucherFamily() {
        String code = new GoodsClaimCodes().next();
        for (Symbology s : new Symbology[] {Symbology.CODE_128, Symbology.QR_CODE, Symbology.UNKNOWN}) {
            assertThat(ScannedCode.classify(code, s)).isEqualTo(new CodeMeaning.GoodsClaim(code));
            assertThat(ScannedCode.classify(GoodsClaimCodes.pretty(code), s)).isEqualTo(new CodeMeaning.GoodsClaim(code));
        }
        assertThat(ScannedCode.classify(code, Symbology.CODE_39)).isInstanceOf(CodeMeaning.Unknown.class);
        assertThat(new CodeMeaning.GoodsClaim(code).toString()).doesNotContain(code.substring(0, 10));
        for (Lang lang : Lang.values()) {
            assertThat(new Messages().has(lang, new CodeMeaning.GoodsClaim(code).notHereKey())).isTrue();
        }
    }

    @Test
    void madeCodesClassifyAsClaimsAndASingleWrongDigitIsACheckDigitError() {
        GoodsClaimCodes codes = new GoodsClaimCodes();
        Property.forAll(2000, r -> {
            String code = codes.next();
            assertThat(GoodsClaimCodes.isValid(code)).isTrue();
            assertThat(ScannedCode.classify(code, Symbology.CODE_128)).isInstanceOf(CodeMeaning.GoodsClaim.class);
            int at = r.nextInt(code.length());
            char wrong = (char) ('0' + (code.charAt(at) - '0' + 1 + r.nextInt(9)) % 10);
            String typo = code.substring(0, at) + wrong + code.substring(at + 1);
            assertThat(ScannedCode.classify(typo, Symbology.CODE_128)).isInstanceOfSatisfying(CodeMeaning.Unknown.class,
                    u -> assertThat(u.reason()).isEqualTo(CodeMeaning.Unknown.Reason.CHECK_DIGIT));
        });
    }
}
