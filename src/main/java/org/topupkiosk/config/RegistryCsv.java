package org.topupkiosk.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text layer of the number-range registry file: strict UTF-8 with a windows-1251 fallback and no BOM, non-blank
 * lines with their numbers, fields split on ';' with {@code ""} quoting that never spans lines, and the small value
 * checks the rows need. {@link NumberingPlanLoader} gives the fields their meaning.
 */
final class RegistryCsv {

    private static final Charset CP1251 = Charset.forName("windows-1251");

    /** The decoded file and the charset it was read in. */
    record Text(String text, Charset charset) {}

    /** Takes one non-blank line and its 1-based number. */
    @FunctionalInterface
    interface LineSink {
        void line(String line, int lineNo) throws ConfigException;
    }

    private RegistryCsv() {}

    /** UTF-8 when the bytes are valid UTF-8, windows-1251 otherwise; a leading BOM is dropped. */
    static Text decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            charset = CP1251;
            text = new String(bytes, CP1251);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Text(text, charset);
    }

    /** Each non-blank line without its line end ({@code \n} or {@code \r\n}), numbered counting blank lines too. */
    static void forEachLine(String text, LineSink sink) throws ConfigException {
        int lineNo = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lineNo++;
            String line = text.substring(pos, stop);
            if (!line.isBlank()) {
                sink.line(line, lineNo);
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
    }

    /**
     * Splits one line on ';'. A field starting with '"' is quoted: '""' inside is one quote, and the closing quote must
     * end the field. Returns null or why the line cannot be split.
     */
    static String split(String line, List<String> out) {
        out.clear();
        int i = 0;
        int n = line.length();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    return "quoted field " + (out.size() + 1) + " is not closed";
                }
                if (i < n && line.charAt(i) != ';') {
                    return "text after the closing quote of field " + (out.size() + 1);
                }
            } else {
                int semi = line.indexOf(';', i);
                int end = semi < 0 ? n : semi;
                field.append(line, i, end);
                i = end;
            }
            out.add(field.toString());
            if (i >= n) {
                return null;
            }
            i++; // the ';'
            if (i == n) {
                out.add("");
                return null;
            }
        }
    }

    /** The value of a string of ASCII digits with a length in [min, max], or -1. */
    static int digits(String s, int min, int max) {
        int len = s.length();
        if (len < min || len > max) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
