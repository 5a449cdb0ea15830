package org.topupkiosk.device.emulator.fiscal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading the fiscal data format's TLVs the host sent, for what the emulator prints (supplier, agent, cashier): a tag
 * and a length, two bytes each little-endian, then the value; structures (1223, 1224) hold TLVs of their own; texts
 * are in CP866 as the format prescribes. A damaged run stops the reading with an {@link IllegalArgumentException}.
 */
record Tlv(int tag, byte[] value) {

    static final Charset CP866 = Charset.forName("IBM866");
    private static final int[] STRUCTURES = {1223, 1224};

    static List<Tlv> parse(byte[] bytes) {
        List<Tlv> out = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            if (bytes.length - i < 4) {
                throw new IllegalArgumentException("TLV header cut short at byte " + i);
            }
            int tag = (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8;
            int len = (bytes[i + 2] & 0xFF) | (bytes[i + 3] & 0xFF) << 8;
            if (i + 4 + len > bytes.length) {
                throw new IllegalArgumentException("TLV " + tag + " claims " + len + " bytes, "
                        + (bytes.length - i - 4) + " left");
            }
            byte[] v = new byte[len];
            System.arraycopy(bytes, i + 4, v, 0, len);
            out.add(new Tlv(tag, v));
            i += 4 + len;
        }
        return out;
    }

    /** Every TLV, structures opened (the structure itself stays in the list too). */
    static List<Tlv> flatten(byte[] bytes) {
        List<Tlv> out = new ArrayList<>();
        for (Tlv t : parse(bytes)) {
            out.add(t);
            for (int s : STRUCTURES) {
                if (t.tag == s) {
                    out.addAll(flatten(t.value));
                }
            }
        }
        return out;
    }

    /** The first text under {@code tag}, anywhere in {@code bytes}. Damaged TLVs read as absent. */
    static Optional<String> text(byte[] bytes, int tag) {
        try {
            for (Tlv t : flatten(bytes)) {
                if (t.tag == tag) {
                    return Optional.of(new String(t.value, CP866).trim());
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Every text under {@code tag} (phones repeat). */
    static List<String> texts(byte[] bytes, int tag) {
        List<String> out = new ArrayList<>();
        try {
            for (Tlv t : flatten(bytes)) {
                if (t.tag == tag) {
                    out.add(new String(t.value, CP866).trim());
                }
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return out;
    }

    static boolean has(byte[] bytes, int tag) {
        try {
            return flatten(bytes).stream().anyMatch(t -> t.tag == tag);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
