package org.topupkiosk.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads a YAML file into a tree, turning every way that can fail into a {@link ConfigException} naming the file. */
final class YamlFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            // Floats become BigDecimal read from the text itself, so "2.35" stays exactly 2.35 (no binary double).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlFiles() {}

    /** The top-level mapping of a YAML file. */
    static ObjectNode read(Path file, String what) throws ConfigException {
        if (!Files.exists(file)) {
            throw new ConfigException(file, "", what + " not found (working directory "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(file, "", what + " is a directory, expected a YAML file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", what + " not found", e);
        } catch (IOException e) {
            throw new ConfigException(file, "", what + " cannot be read: " + e.getMessage(), e);
        }
        return parse(bytes, file, what);
    }

    /** The top-level mapping of YAML text; {@code file} only names the source in messages. */
    static ObjectNode parse(byte[] bytes, Path file, String what) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            CharConversionException notText = notText(e);
            if (notText != null) {
                throw new ConfigException(file, "", what + " is not UTF-8 text (" + firstClause(notText.getMessage())
                        + "); save it as UTF-8", e);
            }
            throw new ConfigException(file, "", "YAML syntax error at " + syntaxMessage(e), e);
        } catch (CharConversionException e) {
            throw new ConfigException(file, "", what + " is not UTF-8 text (" + firstClause(e.getMessage())
                    + "); save it as UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException(file, "", what + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(file, "", what + " is empty");
        }
        if (!root.isObject()) {
            throw new ConfigException(file, "", what + " must be a mapping of keys (key: value), found "
                    + Section.describe(root));
        }
        return (ObjectNode) root;
    }

    /**
     * "line 3, column 1: found unexpected end of stream (while scanning a quoted scalar from line 2, column 7)".
     * SnakeYAML marks are 0-based and name both the problem and where the construct began; Jackson's own location
     * is used for the errors it raises itself (duplicate keys).
     */
    private static String syntaxMessage(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark at = m.getProblemMark();
            String text = "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": " + m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                Mark from = m.getContextMark();
                text += " (" + m.getContext() + " from line " + (from.getLine() + 1) + ", column "
                        + (from.getColumn() + 1) + ")";
            }
            return text;
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + firstLine(e.getOriginalMessage());
    }

    /** The decoding failure behind a parse error, when the bytes are not UTF-8 at all; else null. */
    private static CharConversionException notText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException c) {
                return c;
            }
        }
        return null;
    }

    /** "Invalid UTF-8 start byte 0xff" from "Invalid UTF-8 start byte 0xff (at char #1, byte #-1)". */
    private static String firstClause(String message) {
        if (message == null) {
            return "undecodable bytes";
        }
        int paren = message.indexOf(" (at ");
        return (paren < 0 ? message : message.substring(0, paren)).strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
