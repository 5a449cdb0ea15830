package org.topupkiosk.fleet.office;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.fleet.StateMessage.AuditMark;

/**
 * One kiosk's audit chain seen from outside: the (row count, hash) pairs its states have shown, the anchors it sends
 * (bounded: {@value #MAX_ANCHORS}) and its last {@value #MAX_HEADS} heads. A chain only grows, so a head below the
 * highest one seen, or a count seen before coming back with another hash, means the journal was rewritten (or replaced)
 * on the kiosk: the watch reports it. The Last Will is the state from the kiosk's connect, so its head may be behind
 * the newest: an offline state is checked for changed hashes only, never for going back. Not thread-safe: the kiosk's
 * record guards it.
 */
final class AuditWatch {

    static final int MAX_HEADS = 64;
    static final int MAX_ANCHORS = 128;

    private final Map<Long, String> heads = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > MAX_HEADS;
        }
    };
    private final TreeMap<Long, String> anchors = new TreeMap<>();
    private long highestHead = -1;

    /** What is wrong with this state's chain against what was seen before; empty when it is consistent. */
    List<String> check(StateMessage state) {
        List<String> problems = new ArrayList<>();
        List<AuditMark> marks = new ArrayList<>(state.anchors());
        marks.add(state.audit());
        for (AuditMark m : marks) {
            String seen = seen(m.count());
            if (seen != null && !seen.equals(m.hash())) {
                problems.add("the hash at row " + m.count() + " changed from " + shortHash(seen) + " to "
                        + shortHash(m.hash()));
            }
        }
        long head = state.audit().count();
        if (state.online() && head < highestHead) {
            problems.add("the chain head went back from row " + highestHead + " to row " + head);
        }
        for (AuditMark a : state.anchors()) {
            if (seen(a.count()) == null) {
                anchors.put(a.count(), a.hash());
                while (anchors.size() > MAX_ANCHORS) {
                    anchors.pollFirstEntry();
                }
            }
        }
        if (seen(head) == null) {
            heads.put(head, state.audit().hash());
        }
        if (state.online()) {
            highestHead = Math.max(highestHead, head);
        }
        return problems;
    }

    /** Forgets what was seen: after an operator acknowledged an alarm, the chain the kiosk shows next is the baseline. */
    void rebaseline() {
        heads.clear();
        anchors.clear();
        highestHead = -1;
    }

    long highestHead() {
        return highestHead;
    }

    int remembered() {
        return heads.size() + anchors.size();
    }

    private String seen(long count) {
        String h = heads.get(count);
        return h != null ? h : anchors.get(count);
    }

    private static String shortHash(String hash) {
        return hash.substring(0, 12) + "...";
    }
}
