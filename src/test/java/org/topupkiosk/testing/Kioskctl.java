package org.topupkiosk.testing;

import java.io.PrintWriter;
import java.io.Writer;
import org.topupkiosk.ops.KioskCtl;
import picocli.CommandLine;

/** Runs {@code kioskctl} in the test's JVM, as scripts/kioskctl would, with its output and errors captured. */
public final class Kioskctl {

    private Kioskctl() {}

    /** The exit status of {@code kioskctl args...}; what it prints goes to {@code out}, its errors to {@code err}. */
    public static int run(Writer out, Writer err, String... args) {
        CommandLine cl = new CommandLine(new KioskCtl());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
