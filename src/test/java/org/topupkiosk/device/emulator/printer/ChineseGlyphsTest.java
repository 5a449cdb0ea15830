package org.topupkiosk.device.emulator.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.printer.escpos.EscPosBuilder;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.device.printer.escpos.TextRaster;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;
import org.topupkiosk.testing.Zbarimg;

/**
 * Chinese on a printer without GB18030: only the glyphs travel as dots (user-defined characters), the top-up receipt
 * stays within 4 KB, and the paper shows the same dots as the whole line sent as a raster image.
 */
class ChineseGlyphsTest {

    @TempDir
    Path dir;

    static Receipt zhTopUp() {
        ReceiptLayouts layouts = new ReceiptLayouts(new Messages(), new ReceiptFacts.Kiosk("0042",
                "Москва, Тверская ул., д. 1, торговый центр «Охотный ряд»", "+7 800 555-35-35",
                "https://pay.example.ru/t/"), 42, ZoneId.of("Europe/Moscow"));
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale("0042-000317", Instant.parse("2026-11-21T10:15:30Z"),
                "МегаФон", "+7 926 ***-**-67", Money.rub(588), Money.rub(12), Money.rub(600), Money.ZERO_RUB, null,
                ReceiptFacts.Status.CREDITED);
        return layouts.topUp(sale, Lang.ZH);
    }

    @Test
    void theChineseTopUpReceiptIsAtMost4KbAndPrints() throws Exception {
        Receipt r = zhTopUp();
        byte[] bytes = new ReceiptEncoder(ReceiptEncoder.Options.defaults()).encode(r);
        assertThat(bytes.length).isLessThanOrEqualTo(4096);
        assertThat(r.asText()).contains("手机充值");

        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(dir, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        try (EscPosPrinter printer = new EscPosPrinter(emu.memoryLink(),
                new ReceiptEncoder(ReceiptEncoder.Options.defaults()), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            printer.print(r);
        }
        PrintedReceipt paper = emu.printed().get(0);
        assertThat(paper.png()).exists();
        assertThat(paper.qrPayloads()).containsExactly("https://pay.example.ru/t/0042-000317");
        // Russian and figures stay text; each Chinese character is two user-defined cells
        assertThat(paper.text()).contains("0042-000317").contains("Номер").contains("600").doesNotContain("[image]");
        assertThat(paper.lines().get(0)).isEqualTo("□".repeat(8));
        if (Zbarimg.available()) {
            assertThat(Zbarimg.read(paper.png())).isEqualTo("https://pay.example.ru/t/0042-000317");
        }
    }

    @Test
    void glyphsLookDotForDotLikeTheWholeLineAsRaster() throws Exception {
        String line = "手机充值谢谢光临";
        EscPosPrinterEmulator glyphs = new EscPosPrinterEmulator(dir.resolve("glyphs"),
                EscPosPrinterEmulator.PAPER_80MM_DOTS);
        glyphs.open(b -> { }).accept(new ReceiptEncoder(ReceiptEncoder.Options.defaults()).encode(
                new Receipt("g", 42, List.of(new Receipt.Line(line, Receipt.Style.NORMAL)), null)));
        EscPosPrinterEmulator raster = new EscPosPrinterEmulator(dir.resolve("raster"),
                EscPosPrinterEmulator.PAPER_80MM_DOTS);
        raster.open(b -> { }).accept(new EscPosBuilder().initialize().raster(TextRaster.render(line, false, 1))
                .feedLines(2).cut(EscPosBuilder.Cut.PARTIAL, 72).toBytes());

        BufferedImage a = ImageIO.read(glyphs.printed().get(0).png().toFile());
        BufferedImage b = ImageIO.read(raster.printed().get(0).png().toFile());
        int margin = 16;
        int width = line.length() * 2 * TextRaster.CELL_WIDTH;
        int black = 0;
        for (int y = margin; y < margin + TextRaster.CELL_HEIGHT; y++) {
            for (int x = margin; x < margin + width; x++) {
                assertThat(a.getRGB(x, y)).as("dot %d,%d", x, y).isEqualTo(b.getRGB(x, y));
                black += (a.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        assertThat(black).as("the glyphs put ink on paper").isGreaterThan(200);
    }
}
