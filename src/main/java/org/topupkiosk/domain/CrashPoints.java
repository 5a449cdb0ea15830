package org.topupkiosk.domain;

/**
 * Named moments where a crash would hurt most (between a stacked note and its journal commit, between the carrier's
 * answer and the local update). Production passes {@link #NONE}; the chaos harness passes one that lets the harness
 * kill the process with SIGKILL exactly there.
 */
@FunctionalInterface
public interface CrashPoints {

    CrashPoints NONE = name -> { };

    void reach(String name);
}
