package org.topupkiosk.device.emulator.fiscal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.emulator.printer.PaperBlock;
import org.topupkiosk.device.emulator.printer.PaperRenderer;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.shtrih.FfdTlv;
import org.topupkiosk.device.fiscal.shtrih.ShtrihReceiptMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFormatException;

/**
 * The register's paper: each document it prints (receipt with its fiscal QR code, shift reports, X report, a slip of
 * printed lines) is kept as text and, given a folder, drawn to PNG by the printer emulator's renderer, 42 columns on
 * 80 mm paper, on a thread of its own ({@link #flush()} waits for it). Receipts are named
 * {@code receipt-<document number>.png}, so a test finds the one for a document.
 */
public final class ReceiptPaper {

    /** One printed document. {@code png} is empty when not rendering; {@code qr} is a receipt's fiscal code. */
    public record Printed(String name, Optional<Path> png, List<String> lines, Optional<String> qr) {
        public Printed {
            lines = List.copyOf(lines);
        }
    }

    private static final int COLUMNS = 42;
    private static final int KEEP = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private static final Logger log = LoggerFactory.getLogger(ReceiptPaper.class);

    private final Path dir;
    private final ExecutorService drawing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fiscal-emulator-paper");
        t.setDaemon(true);
        return t;
    });
    private final PaperRenderer renderer = new PaperRenderer(576);
    private final Deque<Printed> printed = new ArrayDeque<>();
    private final List<String> slip = new ArrayList<>();
    private int slips;
    private int xReports;
    private int copies;

    /** @param dir where PNGs go; null keeps text only */
    public ReceiptPaper(Path dir) {
        this.dir = dir;
    }

    /** @param inShift the receipt's number in its shift, 0 when not known (a copy) */
    synchronized void receipt(FnDocument d, String fnSerial, List<String> extra, boolean copy, int inShift) {
        FnReceipt r = d.receipt().orElseThrow();
        List<PaperBlock> b = new ArrayList<>();
        List<String> text = new ArrayList<>();
        center(b, text, copy ? "КОПИЯ" : "КАССОВЫЙ ЧЕК", true);
        center(b, text, signName(r.sign()), true);
        pair(b, text, "СМЕНА " + d.shift(), WHEN.format(d.dateTime()));
        for (FnOperation op : r.operations()) {
            left(b, text, op.name());
            pair(b, text, quantity(op.quantityMicro()) + " x " + money(op.priceMinor()), "=" + money(op.sumMinor()));
            left(b, text, "  " + (op.taxRate() == ShtrihReceiptMessages.TAX_NO_VAT ? "НДС НЕ ОБЛАГАЕТСЯ"
                    : "НДС (ставка, биты " + Integer.toBinaryString(op.taxRate()) + ")"));
            left(b, text, "  " + subject(op.subject()) + ", " + method(op.method()));
            byte[] tlv = op.linkedTlv();
            if (has(tlv, 1222)) {
                left(b, text, "  ПЛАТЕЖНЫЙ АГЕНТ");
            }
            text(tlv, 1044).ifPresent(s -> left(b, text, "  ОП. АГЕНТА: " + s));
            texts(tlv, 1073).forEach(s -> left(b, text, "  ТЕЛ. АГЕНТА: " + s));
            texts(tlv, 1074).forEach(s -> left(b, text, "  ТЕЛ. ОПЕР. ПЕРЕВОДА: " + s));
            text(tlv, 1225).ifPresent(s -> left(b, text, "  ПОСТАВЩИК: " + s));
            text(tlv, 1226).ifPresent(s -> left(b, text, "  ИНН ПОСТАВЩИКА: " + s));
            texts(tlv, 1171).forEach(s -> left(b, text, "  ТЕЛ. ПОСТАВЩИКА: " + s));
        }
        extra.forEach(s -> left(b, text, s));
        pairBold(b, text, "ИТОГ", "=" + money(d.sumMinor()));
        pair(b, text, "НАЛИЧНЫМИ", "=" + money(r.cashMinor()));
        if (r.otherMinor() > 0) {
            pair(b, text, "БЕЗНАЛИЧНЫМИ", "=" + money(r.otherMinor()));
        }
        pair(b, text, "СДАЧА", "=" + money(r.changeMinor()));
        left(b, text, "СНО: " + taxSystem(r.taxSystem()));
        byte[] tlv = r.receiptTlv();
        text(tlv, 1021).ifPresent(s -> left(b, text, "КАССИР: " + s));
        text(tlv, 1008).ifPresent(s -> left(b, text, "ЭЛ. АДР. ПОКУПАТЕЛЯ: " + s));
        pair(b, text, "ФН " + fnSerial, "ФД " + d.number());
        pair(b, text, "ФП " + d.fiscalSign(), inShift > 0 ? "ЧЕК " + inShift : "");
        FiscalDocument doc = d.toFiscalDocument(fnSerial);
        String qr = doc.qrText();
        b.add(new PaperBlock.Feed(12));
        b.add(new PaperBlock.Qr(1, qr, 4, 'M'));
        b.add(new PaperBlock.Feed(48));
        String name = copy ? "copy-" + d.number() + "-" + (++copies) : "receipt-" + d.number();
        emit(name, b, text, Optional.of(qr));
    }

    synchronized void shiftDocument(FnDocument d, String fnSerial, ShiftCounters.Snapshot s, String title) {
        List<PaperBlock> b = new ArrayList<>();
        List<String> text = new ArrayList<>();
        center(b, text, title, true);
        pair(b, text, "СМЕНА " + d.shift(), WHEN.format(d.dateTime()));
        if (d.kind() == FiscalDocument.Kind.SHIFT_CLOSE) {
            totals(b, text, s);
        }
        pair(b, text, "ФН " + fnSerial, "ФД " + d.number());
        left(b, text, "ФП " + d.fiscalSign());
        b.add(new PaperBlock.Feed(48));
        String name = (d.kind() == FiscalDocument.Kind.SHIFT_CLOSE ? "z-" : "shift-open-") + d.shift() + "-fd"
                + d.number();
        emit(title.equals("КОПИЯ") ? "copy-" + d.number() + "-" + (++copies) : name, b, text, Optional.empty());
    }

    synchronized void xReport(String fnSerial, ShiftCounters.Snapshot s, LocalDateTime now) {
        List<PaperBlock> b = new ArrayList<>();
        List<String> text = new ArrayList<>();
        center(b, text, "ОТЧЁТ БЕЗ ГАШЕНИЯ (X)", true);
        pair(b, text, "СМЕНА " + s.number() + (s.open() ? "" : " (ЗАКРЫТА)"), WHEN.format(now));
        totals(b, text, s);
        left(b, text, "ФН " + fnSerial);
        b.add(new PaperBlock.Feed(48));
        emit("x-" + s.number() + "-" + (++xReports), b, text, Optional.empty());
    }

    private void totals(List<PaperBlock> b, List<String> text, ShiftCounters.Snapshot s) {
        pair(b, text, "ЧЕКОВ ЗА СМЕНУ", String.valueOf(s.receipts()));
        pair(b, text, "ПРИХОД", "=" + money(s.incomeMinor()));
        pair(b, text, "ВОЗВРАТ ПРИХОДА", "=" + money(s.returnMinor()));
    }

    synchronized void slip(List<String> lines) {
        slip.addAll(lines);
        flushSlip();
    }

    synchronized void line(String text) {
        slip.add(text);
    }

    synchronized void flushSlip() {
        if (slip.isEmpty()) {
            return;
        }
        List<PaperBlock> b = new ArrayList<>();
        List<String> text = new ArrayList<>();
        slip.forEach(s -> left(b, text, s));
        b.add(new PaperBlock.Feed(48));
        slip.clear();
        emit("slip-" + (++slips), b, text, Optional.empty());
    }

    /** A power cut: lines not yet cut off are lost. */
    synchronized void dropSlip() {
        slip.clear();
    }

    /** The newest documents printed, oldest first (at most 200). */
    public synchronized List<Printed> printed() {
        return List.copyOf(printed);
    }

    /** The receipt printed for a document (not a copy), if still kept. */
    public synchronized Optional<Printed> receiptFor(long documentNumber) {
        String name = "receipt-" + documentNumber;
        return printed.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private void emit(String name, List<PaperBlock> blocks, List<String> text, Optional<String> qr) {
        Optional<Path> png = Optional.empty();
        if (dir != null) {
            Path file = dir.resolve(name + ".png");
            drawing.execute(() -> draw(file, blocks));
            png = Optional.of(file);
        }
        printed.addLast(new Printed(name, png, text, qr));
        while (printed.size() > KEEP) {
            printed.removeFirst();
        }
    }

    /** Draws on the paper's own thread, so the line answers at once; a file that cannot be written is logged. */
    private void draw(Path file, List<PaperBlock> blocks) {
        try {
            Files.createDirectories(file.getParent());
            BufferedImage img = renderer.render(blocks);
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException | RuntimeException e) {
            log.warn("fiscal emulator: cannot draw {}: {}", file, e.toString());
        }
    }

    /** Waits until every document printed so far is drawn to its PNG. */
    public void flush() {
        try {
            drawing.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("fiscal emulator: drawing did not finish: {}", e.toString());
        }
    }

    // Layout ----------------------------------------------------------------------------------------------------------

    private static void center(List<PaperBlock> b, List<String> text, String s, boolean bold) {
        b.add(new PaperBlock.TextLine(1, List.of(new PaperBlock.Run(s, bold, 1, 1))));
        text.add(s);
    }

    private static void left(List<PaperBlock> b, List<String> text, String s) {
        for (String part : wrap(s)) {
            b.add(new PaperBlock.TextLine(0, List.of(new PaperBlock.Run(part, false, 1, 1))));
            text.add(part);
        }
    }

    private static void pair(List<PaperBlock> b, List<String> text, String l, String r) {
        String s = spread(l, r);
        b.add(new PaperBlock.TextLine(0, List.of(new PaperBlock.Run(s, false, 1, 1))));
        text.add(s);
    }

    private static void pairBold(List<PaperBlock> b, List<String> text, String l, String r) {
        String s = spread(l, r);
        b.add(new PaperBlock.TextLine(0, List.of(new PaperBlock.Run(s, true, 1, 1))));
        text.add(s);
    }

    private static String spread(String l, String r) {
        int gap = COLUMNS - l.length() - r.length();
        return gap >= 1 ? l + " ".repeat(gap) + r : l + " " + r;
    }

    private static List<String> wrap(String s) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (rest.length() > COLUMNS) {
            out.add(rest.substring(0, COLUMNS));
            rest = rest.substring(COLUMNS);
        }
        out.add(rest);
        return out;
    }

    /** Every tag in what the host sent, structures (1223, 1224) opened; damaged TLVs read as none. */
    private static List<FfdTlv> tags(byte[] tlv) {
        List<FfdTlv> out = new ArrayList<>();
        try {
            for (FfdTlv t : FfdTlv.decodeAll(tlv)) {
                out.add(t);
                if (t.tag() == FfdTlv.AGENT_DATA || t.tag() == FfdTlv.SUPPLIER_DATA) {
                    out.addAll(t.children());
                }
            }
        } catch (ShtrihFormatException e) {
            return List.of();
        }
        return out;
    }

    private static List<String> texts(byte[] tlv, int tag) {
        return tags(tlv).stream().filter(t -> t.tag() == tag).map(t -> t.asText().trim()).toList();
    }

    private static Optional<String> text(byte[] tlv, int tag) {
        return texts(tlv, tag).stream().findFirst();
    }

    private static boolean has(byte[] tlv, int tag) {
        return tags(tlv).stream().anyMatch(t -> t.tag() == tag);
    }

    static String money(long minor) {
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }

    private static String quantity(long micro) {
        return micro % 1_000_000 == 0 ? String.valueOf(micro / 1_000_000)
                : String.format("%d.%06d", micro / 1_000_000, micro % 1_000_000);
    }

    private static String signName(int sign) {
        return switch (sign) {
            case 1 -> "ПРИХОД";
            case 2 -> "ВОЗВРАТ ПРИХОДА";
            case 3 -> "РАСХОД";
            default -> "ВОЗВРАТ РАСХОДА";
        };
    }

    private static String subject(int s) {
        return switch (s) {
            case 1 -> "ТОВАР";
            case 4 -> "УСЛУГА";
            case 10 -> "ПЛАТЕЖ";
            case 11 -> "АГЕНТСКОЕ ВОЗНАГРАЖДЕНИЕ";
            default -> "ПРЕДМЕТ " + s;
        };
    }

    private static String method(int m) {
        return m == 4 ? "ПОЛНЫЙ РАСЧЕТ" : "СПОСОБ " + m;
    }

    private static String taxSystem(int bit) {
        return switch (bit) {
            case 1 -> "ОСН";
            case 2 -> "УСН ДОХОД";
            case 4 -> "УСН ДОХОД-РАСХОД";
            case 16 -> "ЕСХН";
            case 32 -> "ПСН";
            default -> String.valueOf(bit);
        };
    }
}
