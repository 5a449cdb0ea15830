package org.topupkiosk.device.emulator.scanner;

import org.topupkiosk.domain.Symbology;

/** Codes to show an emulated scanner from the device panel: one of each kind the kiosk tells apart. */
public enum ScanSample {
    CREDIT_VOUCHER("Credit voucher (CODE128)", "123456789015", Symbology.CODE_128),
    SCRATCH_PIN("Scratch card PIN (CODE128)", "7700123456789013", Symbology.CODE_128),
    SCRATCH_EAN("Scratch card (EAN-13)", "2912345678906", Symbology.EAN_13),
    ESIM("eSIM order (QR)", "LPA:1$rsp.example.ru$K2-1X2Y3Z-4A5B6C", Symbology.QR_CODE),
    PHONE("Phone number (tel: QR)", "tel:+79161234567", Symbology.QR_CODE),
    BAD_CHECK_DIGIT("Voucher, misprinted digit", "123456789016", Symbology.CODE_128),
    JUNK("Web link (QR)", "https://example.com/promo", Symbology.QR_CODE);

    private final String label;
    private final String text;
    private final Symbology symbology;

    ScanSample(String label, String text, Symbology symbology) {
        this.label = label;
        this.text = text;
        this.symbology = symbology;
    }

    public String label() {
        return label;
    }

    public String text() {
        return text;
    }

    public Symbology symbology() {
        return symbology;
    }

    @Override
    public String toString() {
        return label;
    }
}
