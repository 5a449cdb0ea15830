package org.topupkiosk.flow.service;

import java.util.List;

/** The journal check's outcome: a summary line and one line per violation (none when the journal is sound). */
public record VerifySummary(String summary, List<String> violations) {

    public VerifySummary {
        violations = List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
