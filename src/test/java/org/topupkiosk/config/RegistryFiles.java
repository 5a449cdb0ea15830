package org.topupkiosk.config;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Registry files for tests, shaped like the official DEF-9xx.csv export (header
 * {@code АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН}, one row per allocated block, about 40,000 rows
 * over the codes 900-999, the big four, Yota, virtual operators and many small regional ones) but generated from a
 * seed rather than committed: the real file is megabytes and changes every month.
 */
public final class RegistryFiles {

    public static final String HEADER = "АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН";

    /** A registry operator: its legal name and INN. */
    public record Op(String name, String inn) {}

    public static final Op MTS = new Op("ПАО \"Мобильные ТелеСистемы\"", "7740000076");
    public static final Op BEELINE = new Op("ПАО \"Вымпел-Коммуникации\"", "7713076301");
    public static final Op MEGAFON = new Op("ПАО \"МегаФон\"", "7812014560");
    public static final Op T2 = new Op("ООО \"Т2 Мобайл\"", "7743895280");
    // Test INNs below: the mapping file knows these operators by name only.
    public static final Op YOTA = new Op("ООО \"Скартел\"", "7700000101");
    public static final Op T_MOBILE = new Op("ООО \"Т-Мобайл\"", "7700000102");
    public static final Op SBER_MOBILE = new Op("ООО \"СберМобайл\"", "7700000103");
    public static final Op ROSTELECOM = new Op("ПАО \"Ростелеком\"", "7707049388");

    /** One row of the registry. */
    public record Row(int def, int from, int to, Op op, String region) {
        public String line(boolean quoteStyle) {
            String name = quoteStyle ? "\"" + op.name().replace("\"", "\"\"") + "\"" : op.name();
            return def + ";" + String.format("%07d", from) + ";" + String.format("%07d", to) + ";" + (to - from + 1)
                    + ";" + name + ";" + region + ";" + region.replace("обл.", "область") + ";" + op.inn();
        }

        /** The national number of the range's first, last or middle number. */
        public String number(int which) {
            int n = which < 0 ? from : which > 0 ? to : from + (to - from) / 2;
            return "+7" + def + String.format("%07d", n);
        }
    }

    private static final String[] REGIONS = {"г. Москва и Московская область", "г. Санкт-Петербург и Ленинградская "
            + "область", "Краснодарский край", "Свердловская обл.", "Республика Татарстан", "Новосибирская обл.",
            "Ростовская обл.", "Челябинская обл.", "Приморский край", "Нижегородская обл.", "Самарская обл.",
            "Республика Башкортостан", "г. Улан-Удэ|Республика Бурятия", "Красноярский край", "Тюменская обл."};

    private RegistryFiles() {}

    /**
     * A registry of about {@code 400 * codes} rows from the seed: per DEF code, blocks of 1,000 to 100,000 numbers
     * in order with gaps, each given to an operator (the big four most often). The Yota and virtual-operator blocks
     * come first in 999 and 958 so a test knows where they are.
     */
    public static List<Row> generate(long seed, int codes) {
        Random r = new Random(seed);
        List<Op> ops = new ArrayList<>(List.of(MTS, BEELINE, MEGAFON, T2, MTS, BEELINE, MEGAFON, T2, YOTA, T_MOBILE,
                SBER_MOBILE, ROSTELECOM));
        for (int i = 1; i <= 30; i++) {
            ops.add(new Op("АО \"Региональная связь " + i + "\"", String.valueOf(5_400_000_000L + i * 7919L)));
        }
        int[] sizes = {1_000, 5_000, 10_000, 10_000, 20_000, 50_000, 100_000};
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(999, 0, 99_999, YOTA, REGIONS[0]));
        rows.add(new Row(958, 0, 9_999, T_MOBILE, REGIONS[0]));
        rows.add(new Row(958, 10_000, 19_999, SBER_MOBILE, REGIONS[1]));
        for (int def = 999; def > 999 - codes; def--) {
            int at = def == 999 ? 100_000 : def == 958 ? 20_000 : 0;
            while (true) {
                int size = sizes[r.nextInt(sizes.length)];
                if (r.nextInt(10) == 0) {
                    at += sizes[r.nextInt(3)]; // an unallocated gap
                }
                if (at + size > 10_000_000) {
                    break;
                }
                rows.add(new Row(def, at, at + size - 1, ops.get(r.nextInt(ops.size())), REGIONS[r.nextInt(REGIONS.length)]));
                at += size;
            }
        }
        return rows;
    }

    /** The file's text: header and rows, names plain or CSV-quoted at random, lines ending {@code eol}. */
    public static String text(List<Row> rows, String eol, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(rows.size() * 120).append(HEADER).append(eol);
        for (Row row : rows) {
            sb.append(row.line(r.nextInt(4) == 0)).append(eol);
        }
        return sb.toString();
    }

    /** Writes the rows as the registry publishes them: in {@code charset}, with or without a BOM, CRLF or LF. */
    public static Path write(Path file, List<Row> rows, Charset charset, boolean bom, String eol) throws IOException {
        byte[] body = text(rows, eol, 7).getBytes(charset);
        byte[] mark = bom ? "\uFEFF".getBytes(StandardCharsets.UTF_8) : new byte[0];
        byte[] all = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, all, 0, mark.length);
        System.arraycopy(body, 0, all, mark.length, body.length);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, all);
        return file;
    }

    /** The shipped configuration copied into {@code dir} (the import replaces its numbering file); its kiosk.yaml. */
    public static Path copyConfig(Path dir) throws IOException {
        Path src = Path.of("kiosk-config");
        Path dst = dir.resolve("kiosk-config");
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dst.resolve("kiosk.yaml");
    }
}
