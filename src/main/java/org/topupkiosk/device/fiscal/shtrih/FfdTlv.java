package org.topupkiosk.device.fiscal.shtrih;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalItem;

/**
 * One fiscal-data tag (FFD "реквизит") as the storage takes it: tag number in 2 bytes little-endian, value length in 2
 * bytes little-endian, the value. Text values are CP866 (FFD's character set); a structure (STLV: 1223, 1224) holds
 * further TLVs as its value. Pure encoder and decoder, shared by the driver (FF0Ch, FF4Dh) and the emulator.
 */
public record FfdTlv(int tag, byte[] value) {

    public static final Charset FFD_TEXT = Charset.forName("IBM866");

    public static final int CUSTOMER_CONTACT = 1008;
    public static final int CASHIER = 1021;
    public static final int AGENT_OPERATION = 1044;
    public static final int TAX_SYSTEM = 1055;
    public static final int AGENT_PHONE = 1073;
    public static final int OPERATOR_PHONE = 1074;
    public static final int SUPPLIER_PHONE = 1171;
    public static final int AGENT_SIGN = 1222;
    public static final int AGENT_DATA = 1223;
    public static final int SUPPLIER_DATA = 1224;
    public static final int SUPPLIER_NAME = 1225;
    public static final int SUPPLIER_INN = 1226;

    /** 1222/1057 bits: bit 2 is "платёжный агент" (payment agent). */
    public static final int AGENT_PAYMENT_AGENT = 1 << 2;

    public FfdTlv {
        value = value.clone();
        if (tag < 0 || tag > 0xFFFF) {
            throw new ShtrihFormatException("tlv.tag", tag + " is not 2 bytes");
        }
        if (value.length > 0xFFFF) {
            throw new ShtrihFormatException("tlv." + tag, value.length + " bytes is too long");
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * A text tag in CP866. Typographic quotes and dashes, which CP866 lacks, become their plain forms; any other
     * character CP866 cannot hold is refused with the tag's number rather than sent to the storage as a "?".
     */
    public static FfdTlv text(int tag, String s) {
        String plain = s.replace('«', '"').replace('»', '"').replace('„', '"').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-');
        try {
            ByteBuffer b = FFD_TEXT.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(plain));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return new FfdTlv(tag, out);
        } catch (CharacterCodingException e) {
            throw new ShtrihFormatException("tlv." + tag, "'" + s + "' has a character CP866 cannot hold");
        }
    }

    public static FfdTlv byteValue(int tag, int v) {
        if (v < 0 || v > 0xFF) {
            throw new ShtrihFormatException("tlv." + tag, v + " is not a byte");
        }
        return new FfdTlv(tag, new byte[] {(byte) v});
    }

    public static FfdTlv structure(int tag, List<FfdTlv> children) {
        return new FfdTlv(tag, encodeAll(children));
    }

    /** An INN (10 or 12 digits) as FFD stores it: 12 characters, a 10-digit one padded with spaces on the right. */
    public static FfdTlv inn(int tag, String inn) {
        if (!inn.matches("\\d{10}|\\d{12}")) {
            throw new ShtrihFormatException("tlv." + tag, "INN '" + inn + "' is not 10 or 12 digits");
        }
        return text(tag, inn.length() == 10 ? inn + "  " : inn);
    }

    public String asText() {
        return new String(value, FFD_TEXT);
    }

    public int asByte() {
        if (value.length != 1) {
            throw new ShtrihFormatException("tlv." + tag, value.length + " bytes where one was expected");
        }
        return value[0] & 0xFF;
    }

    public List<FfdTlv> children() {
        return decodeAll(value);
    }

    public byte[] encode() {
        byte[] out = new byte[value.length + 4];
        out[0] = (byte) tag;
        out[1] = (byte) (tag >>> 8);
        out[2] = (byte) value.length;
        out[3] = (byte) (value.length >>> 8);
        System.arraycopy(value, 0, out, 4, value.length);
        return out;
    }

    public static byte[] encodeAll(List<FfdTlv> tlvs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FfdTlv t : tlvs) {
            byte[] b = t.encode();
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    /** Every TLV in {@code bytes}, which must hold whole TLVs and nothing else. */
    public static List<FfdTlv> decodeAll(byte[] bytes) {
        List<FfdTlv> out = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            if (bytes.length - pos < 4) {
                throw new ShtrihFormatException("tlv", (bytes.length - pos) + " bytes left, a TLV header needs 4");
            }
            int tag = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8;
            int len = (bytes[pos + 2] & 0xFF) | (bytes[pos + 3] & 0xFF) << 8;
            if (pos + 4 + len > bytes.length) {
                throw new ShtrihFormatException("tlv." + tag, "length " + len + " runs past the end ("
                        + (bytes.length - pos - 4) + " bytes left)");
            }
            out.add(new FfdTlv(tag, Arrays.copyOfRange(bytes, pos + 4, pos + 4 + len)));
            pos += 4 + len;
        }
        return out;
    }

    public static Optional<FfdTlv> find(List<FfdTlv> tlvs, int tag) {
        return tlvs.stream().filter(t -> t.tag == tag).findFirst();
    }

    /**
     * The tags a payment agent's item carries after its operation (sent with FF4Dh): agent sign 1222 "платёжный
     * агент", agent data 1223 {1044 operation, 1073 agent phones, 1074 operator phones}, supplier data 1224 {1225
     * name, 1171 phones}, supplier INN 1226.
     */
    public static List<FfdTlv> agentItemTags(FiscalItem.Agent agent, FiscalItem.Supplier supplier) {
        List<FfdTlv> agentData = new ArrayList<>();
        agentData.add(text(AGENT_OPERATION, agent.operation()));
        agent.agentPhones().forEach(p -> agentData.add(text(AGENT_PHONE, p)));
        agent.operatorPhones().forEach(p -> agentData.add(text(OPERATOR_PHONE, p)));
        List<FfdTlv> supplierData = new ArrayList<>();
        supplier.phones().forEach(p -> supplierData.add(text(SUPPLIER_PHONE, p)));
        supplierData.add(text(SUPPLIER_NAME, supplier.name()));
        return List.of(byteValue(AGENT_SIGN, AGENT_PAYMENT_AGENT), structure(AGENT_DATA, agentData),
                structure(SUPPLIER_DATA, supplierData), inn(SUPPLIER_INN, supplier.inn()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FfdTlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return tag * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "FfdTlv[" + tag + " " + HexFormat.of().formatHex(value) + "]";
    }
}
