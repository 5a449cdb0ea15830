package org.topupkiosk.device.emulator.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.topupkiosk.device.emulator.sim.SimFileSystem.Node;
import org.topupkiosk.device.emulator.sim.SimFileSystem.Type;
import org.topupkiosk.device.sim.Bcd;
import org.topupkiosk.device.sim.Tlv;

/**
 * The card side of a SIM: a file system built from a {@link VirtualSimProfile} and the T=0 command set a reader
 * uses (SELECT, GET RESPONSE, READ BINARY, READ RECORD). It answers the way real cards do: a GSM SIM (CLA A0) answers
 * SELECT with 9Fxx and hands the file's description out through GET RESPONSE; a USIM (CLA 00) returns FCP templates
 * behind 61xx; a wrong Le gets 6Cxx with the right one. Not thread-safe: one transport drives it.
 */
public final class VirtualSimCard {

    /** USIM AID: RID A000000087, application 1002, then a country and provider part (ETSI TS 101 220 annex E). */
    static final byte[] USIM_AID = HexFormat.of().parseHex("A0000000871002FF49FF058900000100");
    private static final byte[] ATR_GSM = HexFormat.of().parseHex("3B021450");
    private static final byte[] ATR_USIM = HexFormat.of().parseHex("3B03555349");
    private static final byte[] ATR_OTHER = HexFormat.of().parseHex("3B0442414E4B");
    static final int MSISDN_RECORD_LENGTH = 28;
    private static final int DIR_RECORD_LENGTH = 32;

    private final VirtualSimProfile profile;
    private final SimFileSystem fs = new SimFileSystem();
    private final int cla;
    private Node currentDf;
    private Node currentEf;
    private byte[] pending;

    public VirtualSimCard(VirtualSimProfile profile) {
        this.profile = profile;
        this.cla = profile.variant() == VirtualSimProfile.Variant.GSM ? 0xA0 : 0x00;
        build();
        reset();
    }

    public VirtualSimProfile profile() {
        return profile;
    }

    public byte[] atr() {
        return switch (profile.variant()) {
            case GSM -> ATR_GSM.clone();
            case USIM -> ATR_USIM.clone();
            case NOT_A_SIM -> ATR_OTHER.clone();
        };
    }

    /** Power-on or warm reset: the MF is selected and nothing waits for GET RESPONSE. */
    public void reset() {
        currentDf = fs.mf;
        currentEf = null;
        pending = null;
    }

    /** One command APDU in, one response APDU (data + SW) out. Never throws on bad input: a card answers 67xx/6Fxx. */
    public byte[] process(byte[] c) {
        if (c == null || c.length < 4) {
            return sw(0x6700);
        }
        if (profile.variant() == VirtualSimProfile.Variant.NOT_A_SIM) {
            return sw((c[0] & 0xFF) == 0x00 ? 0x6A82 : 0x6E00);
        }
        if ((c[0] & 0xFF) != cla) {
            return sw(0x6E00);
        }
        int ins = c[1] & 0xFF;
        int p1 = c[2] & 0xFF;
        int p2 = c[3] & 0xFF;
        byte[] data = new byte[0];
        int le = -1;
        if (c.length == 5) {
            le = c[4] & 0xFF;
        } else if (c.length > 5) {
            int lc = c[4] & 0xFF;
            if (c.length != 5 + lc && c.length != 6 + lc) {
                return sw(0x6700);
            }
            data = Arrays.copyOfRange(c, 5, 5 + lc);
            le = c.length == 6 + lc ? c[5 + lc] & 0xFF : -1;
        }
        if (ins != 0xC0) {
            pending = null;
        }
        return switch (ins) {
            case 0xA4 -> select(p1, p2, data);
            case 0xC0 -> getResponse(le);
            case 0xB0 -> readBinary(p1, p2, le);
            case 0xB2 -> readRecord(p1, p2, le);
            default -> sw(0x6D00);
        };
    }

    private byte[] select(int p1, int p2, byte[] data) {
        Node n;
        if (p1 == 0x04 && cla == 0x00) {
            n = data.length == 0 ? null : fs.selectAid(data);
        } else if (p1 == 0x00 && data.length == 2) {
            n = fs.selectFid(currentDf, ((data[0] & 0xFF) << 8) | (data[1] & 0xFF));
        } else {
            return sw(cla == 0xA0 ? 0x6B00 : 0x6A86);
        }
        if (n == null) {
            return sw(cla == 0xA0 ? 0x9404 : 0x6A82);
        }
        if (n.dedicated()) {
            currentDf = n;
            currentEf = null;
        } else {
            currentEf = n;
        }
        if (cla == 0xA0) {
            pending = gsmResponse(n);
            return sw(0x9F00 | pending.length);
        }
        if (p2 == 0x0C) {
            return sw(0x9000);
        }
        pending = fcp(n);
        return sw(0x6100 | pending.length);
    }

    private byte[] getResponse(int le) {
        if (pending == null) {
            return sw(cla == 0xA0 ? 0x9400 : 0x6985);
        }
        if (le != pending.length) {
            return sw(0x6C00 | pending.length);
        }
        byte[] out = pending;
        pending = null;
        return ok(out);
    }

    private byte[] readBinary(int p1, int p2, int le) {
        if (currentEf == null || currentEf.type != Type.TRANSPARENT) {
            return sw(cla == 0xA0 ? 0x9400 : 0x6986);
        }
        int offset = ((p1 & 0x7F) << 8) | p2;
        int left = currentEf.content.length - offset;
        if (left <= 0) {
            return sw(0x6B00);
        }
        if (le <= 0 || le > left) {
            return sw(0x6C00 | left);
        }
        return ok(Arrays.copyOfRange(currentEf.content, offset, offset + le));
    }

    private byte[] readRecord(int record, int mode, int le) {
        if (currentEf == null || currentEf.type != Type.LINEAR_FIXED) {
            return sw(cla == 0xA0 ? 0x9400 : 0x6981);
        }
        if (mode != 0x04) {
            return sw(0x6B00);
        }
        if (record < 1 || record > currentEf.records.size()) {
            return sw(cla == 0xA0 ? 0x9402 : 0x6A83);
        }
        if (le != currentEf.recordLength) {
            return sw(0x6C00 | currentEf.recordLength);
        }
        return ok(currentEf.records.get(record - 1));
    }

    // -- building the file system ----------------------------------------------------------------------------------

    private void build() {
        Node mf = fs.mf;
        fs.transparent(mf, 0x2FE2, Bcd.encodeSwapped(profile.iccid(), 10));
        Node telecom = fs.df(mf, 0x7F10);
        Node gsm = fs.df(mf, 0x7F20);
        fs.transparent(gsm, 0x6F07, imsiFile(profile.imsi()));
        if (profile.variant() == VirtualSimProfile.Variant.GSM) {
            // A GSM card keeps EF_MSISDN under DF_TELECOM; with no number the records exist but are blank (FF).
            fs.linear(telecom, 0x6F40, MSISDN_RECORD_LENGTH, List.of(
                    profile.storedNumber().map(n -> msisdnRecord("My number", n)).orElseGet(VirtualSimCard::blankMsisdn),
                    blankMsisdn()));
        } else if (profile.variant() == VirtualSimProfile.Variant.USIM) {
            byte[] app = Tlv.encode(0x61, Tlv.encode(0x4F, USIM_AID),
                    Tlv.encode(0x50, "USIM".getBytes(StandardCharsets.US_ASCII)));
            fs.linear(mf, 0x2F00, DIR_RECORD_LENGTH, List.of(padded(app, DIR_RECORD_LENGTH)));
            Node adf = fs.adf(0x7FFF, USIM_AID);
            fs.transparent(adf, 0x6F07, imsiFile(profile.imsi()));
            // A USIM without a number has no EF_MSISDN at all: the service is not allocated (TS 31.102 4.2.26).
            profile.storedNumber().ifPresent(n -> fs.linear(adf, 0x6F40, MSISDN_RECORD_LENGTH,
                    List.of(msisdnRecord("", n), blankMsisdn())));
        }
    }

    /** EF_IMSI: length, then type/parity nibble with the first digit, then swapped BCD (TS 24.008 10.5.1.4). */
    static byte[] imsiFile(String imsi) {
        boolean odd = imsi.length() % 2 == 1;
        byte[] rest = Bcd.encodeSwapped(imsi.substring(1), 8);
        int used = (imsi.length() - 1 + 1) / 2;
        byte[] out = new byte[9];
        Arrays.fill(out, (byte) 0xFF);
        out[0] = (byte) (1 + used);
        out[1] = (byte) (((imsi.charAt(0) - '0') << 4) | (odd ? 0x09 : 0x01));
        System.arraycopy(rest, 0, out, 2, used);
        return out;
    }

    /** EF_MSISDN record (TS 31.102 4.2.26): alpha id, BCD length, TON/NPI, 10 BCD bytes, CCP, extension. */
    static byte[] msisdnRecord(String alpha, String number) {
        byte[] r = blankMsisdn();
        byte[] a = alpha.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, r, 0, Math.min(a.length, MSISDN_RECORD_LENGTH - 14));
        boolean international = number.startsWith("+");
        String digits = international ? number.substring(1) : number;
        int x = MSISDN_RECORD_LENGTH - 14;
        r[x] = (byte) (1 + (digits.length() + 1) / 2);
        r[x + 1] = (byte) (international ? 0x91 : 0x81);
        System.arraycopy(Bcd.encodeSwapped(digits, 10), 0, r, x + 2, 10);
        return r;
    }

    static byte[] blankMsisdn() {
        byte[] r = new byte[MSISDN_RECORD_LENGTH];
        Arrays.fill(r, (byte) 0xFF);
        return r;
    }

    private static byte[] padded(byte[] b, int length) {
        byte[] out = Arrays.copyOf(b, length);
        Arrays.fill(out, b.length, length, (byte) 0xFF);
        return out;
    }

    /** GSM SELECT response (TS 51.011 9.2.1): 15 bytes for an EF, 22 for the MF or a DF. */
    private static byte[] gsmResponse(Node n) {
        if (n.dedicated()) {
            byte[] r = new byte[22];
            r[2] = 0x10;
            r[4] = (byte) (n.fid >>> 8);
            r[5] = (byte) n.fid;
            r[6] = (byte) (n.type == Type.MF ? 0x01 : 0x02);
            r[12] = 9;
            r[13] = 0x13;
            r[14] = (byte) n.children.stream().filter(Node::dedicated).count();
            r[15] = (byte) n.children.stream().filter(c -> !c.dedicated()).count();
            return r;
        }
        int size = n.size();
        return new byte[] {0, 0, (byte) (size >>> 8), (byte) size, (byte) (n.fid >>> 8), (byte) n.fid, 0x04, 0,
                0x14, 0x00, 0x44, 0x01, 0x02, (byte) (n.type == Type.TRANSPARENT ? 0x00 : 0x01),
                (byte) n.recordLength};
    }

    /** UICC FCP template (TS 102 221 11.1.1.3): descriptor 82, id 83, AID 84 for an ADF, size 80 for an EF. */
    private static byte[] fcp(Node n) {
        byte[] id = {(byte) (n.fid >>> 8), (byte) n.fid};
        if (n.dedicated()) {
            byte[] desc = Tlv.encode(0x82, new byte[] {0x78, 0x21});
            byte[] name = n.aid == null ? new byte[0] : Tlv.encode(0x84, n.aid);
            return Tlv.encode(0x62, desc, Tlv.encode(0x83, id), name, Tlv.encode(0x8A, new byte[] {0x05}));
        }
        byte[] desc = n.type == Type.TRANSPARENT
                ? Tlv.encode(0x82, new byte[] {0x41, 0x21})
                : Tlv.encode(0x82, new byte[] {0x42, 0x21, 0x00, (byte) n.recordLength, (byte) n.records.size()});
        int size = n.size();
        return Tlv.encode(0x62, desc, Tlv.encode(0x83, id), Tlv.encode(0x8A, new byte[] {0x05}),
                Tlv.encode(0x80, new byte[] {(byte) (size >>> 8), (byte) size}));
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }

    private static byte[] ok(byte[] data) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) 0x90;
        return out;
    }
}
