package org.topupkiosk.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness of the config section tests: a kiosk.yaml snippet written into a scratch directory, loaded, and the
 * message of the error it must raise. Relative paths in a snippet resolve against {@link #dir}.
 */
abstract class YamlSnippetTest {

    /** The least a kiosk.yaml must say. */
    static final String MINIMAL = "kiosk:\n  id: \"0042\"\n  address: Test\n";

    @TempDir
    Path dir;

    Path write(String yaml) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    String errorOf(String yaml) throws Exception {
        try {
            ConfigLoader.loadKioskConfig(write(yaml));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }
}
