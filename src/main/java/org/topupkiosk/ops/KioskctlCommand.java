package org.topupkiosk.ops;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A kioskctl command or subcommand: picocli hands it its spec, for its output streams and its usage. */
abstract class KioskctlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
}
