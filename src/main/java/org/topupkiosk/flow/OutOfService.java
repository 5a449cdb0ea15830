package org.topupkiosk.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the kiosk takes no customers now, in English for the technician (the health endpoint, {@code kioskctl health}),
 * from the same facts the flow picks its resting screen by: the service lock and its reasons, the bill acceptor's fault,
 * and a safe stop (the journal cannot write, an internal error). Null while the kiosk sells.
 */
final class OutOfService {

    private OutOfService() {}

    /**
     * @param lockReasons   the service lock's reasons, in order ("service", "door_open", "service_pad"); empty: unlocked
     * @param acceptorFault the bill acceptor's fault code while it keeps the acceptor from taking cash, else null
     * @param safeStop      the safe stop's own reason, else null
     */
    static String describe(List<String> lockReasons, String acceptorFault, String safeStop) {
        return describe(lockReasons, acceptorFault, safeStop, null);
    }

    /** As above; {@code fiscalFault}: why the fiscal register cannot register (issue 13), else null. */
    static String describe(List<String> lockReasons, String acceptorFault, String safeStop, String fiscalFault) {
        return describe(lockReasons, acceptorFault, safeStop, fiscalFault, null);
    }

    /** As above; {@code officeHold}: the office's text while it holds the kiosk out of service (issue 15), else null. */
    static String describe(List<String> lockReasons, String acceptorFault, String safeStop, String fiscalFault,
                           String officeHold) {
        List<String> why = new ArrayList<>();
        if (officeHold != null) {
            why.add("out of service by the office: " + officeHold);
        }
        if (fiscalFault != null) {
            why.add(fiscalFault + " (selling without a fiscal receipt is not legal: no cash is taken until it recovers)");
        }
        if (safeStop != null) {
            why.add(safeStop);
        }
        if (acceptorFault != null) {
            why.add("bill acceptor fault: " + acceptorFault + " (no cash is taken until it recovers)");
        }
        for (String reason : lockReasons) {
            why.add(lockReason(reason));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static String lockReason(String reason) {
        return switch (reason) {
            case "service" -> "locked for service from the service menu";
            case "door_open" -> "cabinet door opened: locked until a technician lets customers back from the service"
                    + " menu";
            case ServiceLock.PAD -> "service PIN pad open on the screen";
            default -> "locked: " + reason;
        };
    }
}
