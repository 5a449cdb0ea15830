package org.topupkiosk.fleet.demo;

import java.io.BufferedReader;
import java.io.UncheckedIOException;

/** Reads a child process's output to its end so its pipe never fills; the pipe closing under it is that end too. */
final class Drain {

    private Drain() {
    }

    static void quietly(BufferedReader out) {
        try {
            out.lines().forEach(l -> { });
        } catch (UncheckedIOException closed) {
            // the child was killed or its stream closed: an exception left uncaught would fail the next TestFX test
        }
    }
}
