package org.topupkiosk.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.NumberingPlan;

/**
 * The numbering file's metadata, kept beside it as {@code <file>.meta} by {@code kioskctl numbering import}: the
 * registry's date, when and from which file it was imported, its rows, and the SHA-256 of the plan it describes. The
 * plan and its metadata are replaced one after the other; the hash ties them, so a metadata file that does not belong
 * to the plan beside it (an import cut between the two renames, a plan copied in by hand) is not believed.
 */
final class NumberingMeta {

    private static final Logger log = LoggerFactory.getLogger(NumberingMeta.class);

    private NumberingMeta() {}

    static Path fileFor(Path plan) {
        return plan.resolveSibling(plan.getFileName() + ".meta");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The metadata text for a plan file's bytes. */
    static String format(NumberingPlan.Source source, int ranges, String charset, byte[] plan) {
        return "# Written by kioskctl numbering import: the numbering file beside it and where it came from.\n"
                + "date=" + source.date() + "\n"
                + "importedAt=" + source.importedAt() + "\n"
                + "source=" + escape(source.file()) + "\n"
                + "rows=" + source.rows() + "\n"
                + "ranges=" + ranges + "\n"
                + "charset=" + charset + "\n"
                + "sha256=" + sha256(plan) + "\n";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The source recorded for this plan, or empty when there is no metadata or it describes other bytes. */
    static Optional<NumberingPlan.Source> read(Path plan, byte[] planBytes) {
        Path file = fileFor(plan);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("numbering metadata file={} unreadable, plan date unknown: {}", file, e.toString());
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            if (!sha256(planBytes).equals(p.getProperty("sha256"))) {
                log.warn("numbering metadata file={} describes another plan (sha256 differs), plan date unknown", file);
                return Optional.empty();
            }
            return Optional.of(new NumberingPlan.Source(LocalDate.parse(p.getProperty("date", "")),
                    Instant.parse(p.getProperty("importedAt", "")), p.getProperty("source", ""),
                    Integer.parseInt(p.getProperty("rows", ""))));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            log.warn("numbering metadata file={} is damaged, plan date unknown: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
