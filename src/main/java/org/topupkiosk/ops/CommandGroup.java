package org.topupkiosk.ops;

/** A kioskctl command that only groups subcommands ({@code journal}, {@code outbox}...): alone, it prints its usage. */
abstract class CommandGroup extends KioskctlCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
