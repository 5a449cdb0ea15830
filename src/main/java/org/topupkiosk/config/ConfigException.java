package org.topupkiosk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration the kiosk refuses to start with. Carries every problem found in one pass, each naming the file, the
 * key path ({@code sales.orderCashLimitRub}), the bad value and what was expected.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong.
     *
     * @param file    the file as the operator named it (relative paths stay relative, so messages match the command)
     * @param key     the key path, "" when the problem is about the whole file
     * @param message the bad value and what was expected
     */
    public record Problem(Path file, String key, String message) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return key.isEmpty() ? file + ": " + message : file + ": " + key + ": " + message;
        }
    }

    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a config exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Path file, String key, String message) {
        this(List.of(new Problem(file, key, message)));
    }

    public ConfigException(Path file, String key, String message, Throwable cause) {
        this(List.of(new Problem(file, key, message)));
        initCause(cause);
    }

    public List<Problem> problems() {
        return problems;
    }
}
