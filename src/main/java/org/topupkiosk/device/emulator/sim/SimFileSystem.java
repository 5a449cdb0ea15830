package org.topupkiosk.device.emulator.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A card's tree of files: MF, DFs, ADFs and elementary files with their content. Built once per card. */
final class SimFileSystem {

    enum Type { MF, DF, ADF, TRANSPARENT, LINEAR_FIXED }

    static final class Node {
        final int fid;
        final Type type;
        final Node parent;
        final List<Node> children = new ArrayList<>();
        final byte[] aid;
        byte[] content = new byte[0];
        final List<byte[]> records = new ArrayList<>();
        int recordLength;

        Node(int fid, Type type, Node parent, byte[] aid) {
            this.fid = fid;
            this.type = type;
            this.parent = parent;
            this.aid = aid;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        boolean dedicated() {
            return type == Type.MF || type == Type.DF || type == Type.ADF;
        }

        Node child(int id) {
            for (Node c : children) {
                if (c.fid == id) {
                    return c;
                }
            }
            return null;
        }

        int size() {
            return type == Type.LINEAR_FIXED ? recordLength * records.size() : content.length;
        }
    }

    final Node mf = new Node(0x3F00, Type.MF, null, null);
    private final List<Node> adfs = new ArrayList<>();

    Node df(Node parent, int fid) {
        return new Node(fid, Type.DF, parent, null);
    }

    /** ADFs hang off the MF in this model but are reached only by AID, never by file id. */
    Node adf(int fid, byte[] aid) {
        Node n = new Node(fid, Type.ADF, null, aid.clone());
        adfs.add(n);
        return n;
    }

    Node transparent(Node parent, int fid, byte[] content) {
        Node n = new Node(fid, Type.TRANSPARENT, parent, null);
        n.content = content.clone();
        return n;
    }

    Node linear(Node parent, int fid, int recordLength, List<byte[]> records) {
        Node n = new Node(fid, Type.LINEAR_FIXED, parent, null);
        n.recordLength = recordLength;
        for (byte[] r : records) {
            if (r.length != recordLength) {
                throw new IllegalArgumentException("record of " + r.length + " bytes in a file of " + recordLength);
            }
            n.records.add(r.clone());
        }
        return n;
    }

    /**
     * SELECT by file id from the current DF (TS 102 221 section 8.4.1): the MF, the current DF itself, its children,
     * its parent, and the parent's DF children.
     */
    Node selectFid(Node currentDf, int fid) {
        if (fid == 0x3F00) {
            return mf;
        }
        if (currentDf.fid == fid && currentDf.type != Type.MF) {
            return currentDf;
        }
        Node c = currentDf.child(fid);
        if (c != null) {
            return c;
        }
        Node parent = currentDf.parent;
        if (parent != null) {
            if (parent.fid == fid) {
                return parent;
            }
            Node sibling = parent.child(fid);
            if (sibling != null && sibling.dedicated()) {
                return sibling;
            }
        }
        return null;
    }

    /** SELECT by DF name: an ADF whose AID starts with the given bytes (partial AIDs are allowed). */
    Node selectAid(byte[] partial) {
        for (Node a : adfs) {
            if (partial.length <= a.aid.length && Arrays.equals(Arrays.copyOf(a.aid, partial.length), partial)) {
                return a;
            }
        }
        return null;
    }
}
