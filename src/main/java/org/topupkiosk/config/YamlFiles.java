package org.topupkiosk.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, "", "YAML syntax error at " + syntaxMessage(e), e);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", what + " not found", e);
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
