package org.topupkiosk.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem in one file so the operator fixes them in one round, not one per restart. */
final class Problems {

    private final Path file;
    private final List<ConfigException.Problem> list = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(String key, String message) {
        list.add(new ConfigException.Problem(file, key, message));
    }

    int count() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<ConfigException.Problem> all() {
        return List.copyOf(list);
    }

    void throwIfAny() throws ConfigException {
        if (!list.isEmpty()) {
            throw new ConfigException(list);
        }
    }
}
