package org.topupkiosk.device.fiscal.shtrih;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The field encodings of Shtrih-M messages: integers little-endian in 1 to 8 bytes, dates as three bytes (the vendor
 * uses both day-month-year and year-month-day orders, the year as 00-99 after 2000), times as hours and minutes (and
 * seconds), text in Windows-1251 padded with zeros to a fixed width where the command has one.
 */
public final class ShtrihBytes {

    /** The register's own character set for printed text and item names. */
    public static final Charset TEXT = Charset.forName("windows-1251");

    private ShtrihBytes() {
    }

    /** Builds a message's bytes in order. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer u8(String field, int v) {
            return le(field, v, 1);
        }

        public Writer le(String field, long v, int bytes) {
            if (v < 0 || (bytes < 8 && v >= 1L << (8 * bytes))) {
                throw new ShtrihFormatException(field, v + " does not fit " + bytes + " bytes");
            }
            for (int i = 0; i < bytes; i++) {
                out.write((int) (v >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        public Writer bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        /** Text in Windows-1251, cut to {@code max} bytes and padded with zeros to {@code width} (0: no padding). */
        public Writer text(String field, String s, int width, int max) {
            byte[] b = s.getBytes(TEXT);
            if (b.length > max) {
                throw new ShtrihFormatException(field, b.length + " bytes of text, at most " + max);
            }
            bytes(b);
            for (int i = b.length; i < width; i++) {
                out.write(0);
            }
            return this;
        }

        /** ASCII digits of exactly {@code width} characters (the FN serial number). */
        public Writer ascii(String field, String s, int width) {
            if (s.length() != width || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new ShtrihFormatException(field, "'" + s + "' is not " + width + " ASCII characters");
            }
            for (int i = 0; i < width; i++) {
                out.write(s.charAt(i));
            }
            return this;
        }

        public Writer dateYmd(String field, LocalDate d) {
            return year(field, d.getYear()).u8(field, d.getMonthValue()).u8(field, d.getDayOfMonth());
        }

        public Writer dateDmy(String field, LocalDate d) {
            u8(field, d.getDayOfMonth()).u8(field, d.getMonthValue());
            return year(field, d.getYear());
        }

        /** Year, month, day, hour, minute: the FN's five-byte date and time. */
        public Writer dateTime5(String field, LocalDateTime t) {
            return dateYmd(field, t.toLocalDate()).u8(field, t.getHour()).u8(field, t.getMinute());
        }

        /** Five zero bytes where a date is absent (no unsent documents). */
        public Writer dateTime5(String field, Optional<LocalDateTime> t) {
            return t.isPresent() ? dateTime5(field, t.get()) : bytes(new byte[5]);
        }

        public Writer timeHms(String field, LocalTime t) {
            return u8(field, t.getHour()).u8(field, t.getMinute()).u8(field, t.getSecond());
        }

        private Writer year(String field, int year) {
            if (year < 2000 || year > 2099) {
                throw new ShtrihFormatException(field, "year " + year + " is outside 2000-2099");
            }
            return u8(field, year - 2000);
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** Reads a message's bytes in order; running short or a value out of range names the field. */
    public static final class Reader {
        private final byte[] data;
        private int pos;

        public Reader(byte[] data) {
            this.data = data;
        }

        public int u8(String field) {
            need(field, 1);
            return data[pos++] & 0xFF;
        }

        public long le(String field, int bytes) {
            need(field, bytes);
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v |= (long) (data[pos + i] & 0xFF) << (8 * i);
            }
            pos += bytes;
            return v;
        }

        public int u16(String field) {
            return (int) le(field, 2);
        }

        public byte[] bytes(String field, int n) {
            need(field, n);
            byte[] b = Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }

        public byte[] rest() {
            byte[] b = Arrays.copyOfRange(data, pos, data.length);
            pos = data.length;
            return b;
        }

        /** Windows-1251 text of {@code width} bytes (all that is left when -1), cut at the first zero. */
        public String text(String field, int width) {
            byte[] b = width < 0 ? rest() : bytes(field, width);
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++;
            }
            return new String(b, 0, end, TEXT);
        }

        public String ascii(String field, int width) {
            byte[] b = bytes(field, width);
            for (byte x : b) {
                if (x < 0x20 || x >= 0x7F) {
                    throw new ShtrihFormatException(field, "byte " + (x & 0xFF) + " is not printable ASCII");
                }
            }
            return new String(b, StandardCharsets.US_ASCII);
        }

        public LocalDate dateYmd(String field) {
            int y = u8(field);
            int m = u8(field);
            int d = u8(field);
            return date(field, y, m, d);
        }

        public LocalDate dateDmy(String field) {
            int d = u8(field);
            int m = u8(field);
            int y = u8(field);
            return date(field, y, m, d);
        }

        public LocalDateTime dateTime5(String field) {
            LocalDate d = dateYmd(field);
            return d.atTime(time(field, u8(field), u8(field), 0));
        }

        /** A five-byte date and time, or empty when all five are zero. */
        public Optional<LocalDateTime> optionalDateTime5(String field) {
            need(field, 5);
            boolean zero = true;
            for (int i = 0; i < 5; i++) {
                zero &= data[pos + i] == 0;
            }
            if (zero) {
                pos += 5;
                return Optional.empty();
            }
            return Optional.of(dateTime5(field));
        }

        public LocalTime timeHms(String field) {
            return time(field, u8(field), u8(field), u8(field));
        }

        public int remaining() {
            return data.length - pos;
        }

        /** Refuses bytes left over after the layout's last field. */
        public void end(String what) {
            if (pos != data.length) {
                throw new ShtrihFormatException(what, (data.length - pos) + " bytes left over");
            }
        }

        private void need(String field, int n) {
            if (pos + n > data.length) {
                throw new ShtrihFormatException(field, "needs " + n + " bytes at offset " + pos + ", "
                        + (data.length - pos) + " left");
            }
        }

        private static LocalDate date(String field, int y, int m, int d) {
            try {
                return LocalDate.of(2000 + y, m, d);
            } catch (DateTimeException e) {
                throw new ShtrihFormatException(field, String.format("%02d-%02d-%02d is not a date", y, m, d));
            }
        }

        private static LocalTime time(String field, int h, int m, int s) {
            try {
                return LocalTime.of(h, m, s);
            } catch (DateTimeException e) {
                throw new ShtrihFormatException(field, h + ":" + m + ":" + s + " is not a time");
            }
        }
    }
}
