package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.CodeMeaning.CreditVoucher;
import org.topupkiosk.domain.CodeMeaning.EsimOrder;
import org.topupkiosk.domain.CodeMeaning.PhoneNumber;
import org.topupkiosk.domain.CodeMeaning.ScratchCard;
import org.topupkiosk.domain.CodeMeaning.Unknown.Reason;
import org.topupkiosk.domain.CodeMeaning.Unknown;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.CreditCodes;
import org.topupkiosk.testing.Property;

class ScannedCodeTest {

    private static CodeMeaning of(String text, Symbology s) {
        return ScannedCode.classify(text, s);
    }

    private static Reason reason(CodeMeaning m) {
        assertThat(m).isInstanceOf(Unknown.class);
        return ((Unknown) m).reason();
    }

    @Test
    void creditVoucherCodesAsTheKioskPrintsThem() {
        CreditCodes codes = new CreditCodes();
        for (int i = 0; i < 50; i++) {
            String code = codes.next();
            assertThat(of(code, Symbology.CODE_128)).isEqualTo(new CreditVoucher(code));
            assertThat(of(code, Symbology.QR_CODE)).isEqualTo(new CreditVoucher(code));
            assertThat(of(CreditCodes.pretty(code), Symbology.UNKNOWN)).isEqualTo(new CreditVoucher(code));
        }
    }

    @Test
    void aWrongDigitInACreditCodeIsACheckDigitError() {
        String code = new CreditCodes().next();
        char[] c = code.toCharArray();
        c[3] = (char) ('0' + (c[3] - '0' + 1) % 10);
        assertThat(reason(of(new String(c), Symbology.CODE_128))).isEqualTo(Reason.CHECK_DIGIT);
    }

    @Test
    void scratchCardPinsCarryALuhnDigit() {
        String payload = "123456789012345";
        String pin = payload + CheckDigits.luhnDigit(payload);
        CodeMeaning m = of(pin, Symbology.CODE_128);
        assertThat(m).isEqualTo(new ScratchCard(pin, Symbology.CODE_128));
        assertThat(((ScratchCard) m).isPin()).isTrue();
        assertThat(m.toString()).doesNotContain(payload).endsWith(pin.substring(12) + ", CODE_128]");
        assertThat(of("1234 5678 9012 " + pin.substring(12), Symbology.QR_CODE)).isInstanceOf(ScratchCard.class);
        String wrong = payload + (char) ('0' + (pin.charAt(15) - '0' + 5) % 10);
        assertThat(reason(of(wrong, Symbology.QR_CODE))).isEqualTo(Reason.CHECK_DIGIT);
    }

    @Test
    void ean13ScratchCardsUseTheRestrictedPrefixAndTheGs1Digit() {
        String card = "29" + "1234567890";
        String ean = card + CheckDigits.gs1Digit(card);
        assertThat(of(ean, Symbology.EAN_13)).isEqualTo(new ScratchCard(ean, Symbology.EAN_13));
        assertThat(of(ean, Symbology.UNKNOWN)).isEqualTo(new ScratchCard(ean, Symbology.EAN_13));
        assertThat(reason(of(card + (char) ('0' + (ean.charAt(12) - '0' + 1) % 10), Symbology.EAN_13)))
                .isEqualTo(Reason.CHECK_DIGIT);
        // 4607... is a real product number range (GS1 Russia): a bottle of water is not a voucher
        assertThat(reason(of("4600000000008", Symbology.EAN_13))).isEqualTo(Reason.PRODUCT_BARCODE);
        assertThat(CheckDigits.gs1Valid("4006381333931")).isTrue(); // the textbook EAN-13 example
    }

    @Test
    void esimActivationCodesPerSgp22() {
        CodeMeaning m = of("LPA:1$SMDP.Example.com$04386-AGYFT-A74Y8-3F815", Symbology.QR_CODE);
        assertThat(m).isEqualTo(new EsimOrder("smdp.example.com", "04386-AGYFT-A74Y8-3F815", Optional.empty(), false,
                "LPA:1$SMDP.Example.com$04386-AGYFT-A74Y8-3F815"));
        EsimOrder full = (EsimOrder) of("LPA:1$rsp.example.ru$K2-1X2Y3Z$1.3.6.1.4.1.31746$1", Symbology.QR_CODE);
        assertThat(full.smdpOid()).contains("1.3.6.1.4.1.31746");
        assertThat(full.confirmationRequired()).isTrue();
        assertThat(reason(of("LPA:2$rsp.example.ru$ABC", Symbology.QR_CODE))).isEqualTo(Reason.BAD_ESIM_CODE);
        assertThat(reason(of("LPA:1$not a host$ABC", Symbology.QR_CODE))).isEqualTo(Reason.BAD_ESIM_CODE);
        assertThat(reason(of("LPA:1$rsp.example.ru$", Symbology.QR_CODE))).isEqualTo(Reason.BAD_ESIM_CODE);
        assertThat(reason(of("LPA:1$rsp.example.ru$A$1.2$0", Symbology.QR_CODE))).isEqualTo(Reason.BAD_ESIM_CODE);
        assertThat(reason(of("LPA:1$rsp.example.ru$A$x.y", Symbology.QR_CODE))).isEqualTo(Reason.BAD_ESIM_CODE);
    }

    @Test
    void telUrisBecomeNumbers() {
        PhoneNumber p = (PhoneNumber) of("tel:+7-916-123-45-67", Symbology.QR_CODE);
        assertThat(p.number()).isEqualTo(Msisdn.of("+79161234567"));
        assertThat(of("TEL:8(916)1234567;ext=12", Symbology.QR_CODE)).isEqualTo(p);
        assertThat(of("tel:+7%20916%20123%2045%2067", Symbology.QR_CODE)).isEqualTo(p);
        assertThat(reason(of("tel:+1-202-555-0100", Symbology.QR_CODE))).isEqualTo(Reason.BAD_PHONE_NUMBER);
        assertThat(reason(of("tel:+7%2", Symbology.QR_CODE))).isEqualTo(Reason.BAD_PHONE_NUMBER);
    }

    @Test
    void everythingElseIsUnknownWithAReason() {
        assertThat(reason(of("https://example.com/promo", Symbology.QR_CODE))).isEqualTo(Reason.NOT_RECOGNIZED);
        assertThat(reason(of(" \r\n", Symbology.UNKNOWN))).isEqualTo(Reason.EMPTY);
        assertThat(reason(of(null, Symbology.UNKNOWN))).isEqualTo(Reason.EMPTY);
        assertThat(reason(of("1".repeat(2000), Symbology.QR_CODE))).isEqualTo(Reason.TOO_LONG);
        String code = new CreditCodes().next();
        assertThat(reason(of(code, Symbology.CODE_39))).isEqualTo(Reason.UNSUPPORTED_FORMAT);
        assertThat(reason(of("12345", Symbology.CODE_128))).isEqualTo(Reason.NOT_RECOGNIZED);
    }

    @Test
    void everyMeaningHasAMessageInEachLanguage() {
        Messages messages = new Messages();
        for (Lang lang : Lang.values()) {
            for (Reason r : Reason.values()) {
                assertThat(messages.has(lang, r.messageKey())).as(lang + " " + r).isTrue();
            }
            for (CodeMeaning m : new CodeMeaning[] {new CreditVoucher("1"), new ScratchCard("12345", Symbology.QR_CODE),
                    new EsimOrder("a.b", "C", Optional.empty(), false, "LPA:1$a.b$C"),
                    new PhoneNumber(Msisdn.of("+79161234567"))}) {
                assertThat(messages.has(lang, m.notHereKey())).as(lang + " " + m).isTrue();
            }
        }
    }

    @Test
    void junkNeverThrowsAndAlwaysGivesAReason() {
        String alphabet = "0123456789 -$:LPAtel+;%/.abcXYZ\r\n\t\u0000\u001d]ЖЁ中";
        Symbology[] all = Symbology.values();
        Property.forAll(3000, r -> {
            String text = r.nextInt(4) == 0 ? prefixed(r) + Property.randomString(r, alphabet, 40)
                    : Property.randomString(r, alphabet, 80);
            CodeMeaning m = ScannedCode.classify(text, all[r.nextInt(all.length)]);
            assertThat(m).isNotNull();
            assertThat(m.notHereKey()).startsWith("scan.");
            if (m instanceof Unknown u) {
                assertThat(u.detail()).isNotBlank();
            }
        });
    }

    private static String prefixed(Random r) {
        String[] p = {"LPA:1$", "LPA:", "tel:", "tel:+7", "29", "]Q1"};
        return p[r.nextInt(p.length)];
    }
}
