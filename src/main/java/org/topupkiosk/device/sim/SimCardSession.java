package org.topupkiosk.device.sim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.sim.SimException.Code;

/**
 * Reads a SIM's identity over an {@link ApduChannel}: ICCID, IMSI and the stored number, from classic GSM cards
 * (CLA A0, TS 51.011) and UICCs (CLA 00, TS 102 221 / 31.102). One session per inserted card; not thread-safe.
 *
 * <p>Status words that ask for another exchange are handled here, not left to the transport: 61xx and 9Fxx (data
 * waiting: GET RESPONSE with Le = xx; GSM cards answer every SELECT with 9Fxx) and 6Cxx (wrong Le: the same command
 * again with Le = xx). A PC/SC stack that already did so for T=0 simply hands us 9000.
 */
public final class SimCardSession {

    /** More chained answers than this means a broken or hostile card, not a long file. */
    private static final int MAX_CHAIN = 16;
    private static final int MAX_MSISDN_RECORDS = 4;
    private static final int MAX_DIR_RECORDS = 8;

    private final ApduChannel channel;

    public SimCardSession(ApduChannel channel) {
        this.channel = channel;
    }

    public SimIdentity read() throws SimException {
        ResponseApdu mf = exchange(Apdus.CLA_UICC, Apdus.selectFile(Apdus.CLA_UICC, 0x3F00));
        if (mf.ok()) {
            return readUicc();
        }
        if (!classRefused(mf.sw())) {
            throw unknownCard("SELECT MF with CLA 00", mf);
        }
        ResponseApdu gsm = exchange(Apdus.CLA_GSM, Apdus.selectFile(Apdus.CLA_GSM, 0x3F00));
        if (!gsm.ok()) {
            throw unknownCard("SELECT MF with CLA A0", gsm);
        }
        return readGsm();
    }

    private SimIdentity readGsm() throws SimException {
        int cla = Apdus.CLA_GSM;
        String iccid = SimFiles.iccid(readTransparent(cla, 0x2FE2, "EF_ICCID"));
        requireSelected(cla, 0x7F20, "DF_GSM");
        String imsi = SimFiles.imsi(readTransparent(cla, 0x6F07, "EF_IMSI"));
        Optional<SimFiles.StoredNumber> number = Optional.empty();
        if (select(cla, 0x7F10).ok()) {
            number = readMsisdn(cla);
        }
        return identity(iccid, imsi, number, SimIdentity.Kind.GSM);
    }

    private SimIdentity readUicc() throws SimException {
        int cla = Apdus.CLA_UICC;
        String iccid = SimFiles.iccid(readTransparent(cla, 0x2FE2, "EF_ICCID"));
        byte[] usim = firstUsimAid();
        if (usim != null) {
            ResponseApdu app = exchange(cla, Apdus.selectAid(usim));
            if (!app.ok()) {
                throw cardError("SELECT USIM application", app);
            }
            String imsi = SimFiles.imsi(readTransparent(cla, 0x6F07, "EF_IMSI"));
            return identity(iccid, imsi, readMsisdn(cla), SimIdentity.Kind.USIM);
        }
        // A UICC without a USIM application (an old 2G profile on a new card): the GSM files, with CLA 00.
        requireSelected(cla, 0x3F00, "MF");
        requireSelected(cla, 0x7F20, "DF_GSM");
        String imsi = SimFiles.imsi(readTransparent(cla, 0x6F07, "EF_IMSI"));
        Optional<SimFiles.StoredNumber> number = Optional.empty();
        if (select(cla, 0x3F00).ok() && select(cla, 0x7F10).ok()) {
            number = readMsisdn(cla);
        }
        return identity(iccid, imsi, number, SimIdentity.Kind.UICC);
    }

    private static SimIdentity identity(String iccid, String imsi, Optional<SimFiles.StoredNumber> n,
                                        SimIdentity.Kind kind) {
        return new SimIdentity(iccid, imsi, n.map(SimFiles.StoredNumber::dialString),
                n.flatMap(SimFiles.StoredNumber::msisdn), OperatorHint.fromImsi(imsi), kind);
    }

    /** EF_DIR (2F00 under the MF) lists the card's applications; absent on many UICCs with a 2G profile only. */
    private byte[] firstUsimAid() throws SimException {
        ResponseApdu r = select(Apdus.CLA_UICC, 0x2F00);
        if (notFound(r.sw())) {
            return null;
        }
        if (!r.ok()) {
            throw cardError("SELECT EF_DIR", r);
        }
        FileInfo info = FileInfo.fromFcp(r.data());
        if (info.structure() != FileInfo.Structure.LINEAR_FIXED) {
            throw new SimException(Code.BAD_DATA, "EF_DIR is " + info.structure() + ", expected linear fixed");
        }
        List<byte[]> records = new ArrayList<>();
        for (int i = 1; i <= Math.min(info.recordCount(), MAX_DIR_RECORDS); i++) {
            records.add(readRecord(Apdus.CLA_UICC, i, info.recordLength(), "EF_DIR"));
        }
        List<byte[]> aids = SimFiles.usimAids(records);
        return aids.isEmpty() ? null : aids.get(0);
    }

    /** EF_MSISDN (6F40) under the current DF; absent or all-empty records mean the card stores no number. */
    private Optional<SimFiles.StoredNumber> readMsisdn(int cla) throws SimException {
        ResponseApdu r = select(cla, 0x6F40);
        if (notFound(r.sw())) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw cardError("SELECT EF_MSISDN", r);
        }
        FileInfo info = fileInfo(cla, r);
        if (info.structure() == FileInfo.Structure.TRANSPARENT || info.structure() == FileInfo.Structure.DEDICATED) {
            throw new SimException(Code.BAD_DATA, "EF_MSISDN is " + info.structure() + ", expected records");
        }
        for (int i = 1; i <= Math.min(info.recordCount(), MAX_MSISDN_RECORDS); i++) {
            Optional<SimFiles.StoredNumber> n = SimFiles.msisdnRecord(readRecord(cla, i, info.recordLength(), "EF_MSISDN"));
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    private byte[] readTransparent(int cla, int fid, String name) throws SimException {
        ResponseApdu r = select(cla, fid);
        if (!r.ok()) {
            throw notFound(r.sw()) ? unknownCard("SELECT " + name, r) : cardError("SELECT " + name, r);
        }
        FileInfo info = fileInfo(cla, r);
        if (info.structure() != FileInfo.Structure.TRANSPARENT) {
            throw new SimException(Code.BAD_DATA, name + " is " + info.structure() + ", expected transparent");
        }
        if (info.size() < 1 || info.size() > 255) {
            throw new SimException(Code.BAD_DATA, name + " size " + info.size() + " (1-255 expected)");
        }
        ResponseApdu data = exchange(cla, Apdus.readBinary(cla, info.size()));
        if (!data.ok()) {
            throw cardError("READ BINARY " + name, data);
        }
        return data.data();
    }

    private byte[] readRecord(int cla, int record, int length, String name) throws SimException {
        if (length < 1 || length > 255) {
            throw new SimException(Code.BAD_DATA, name + " record length " + length + " (1-255 expected)");
        }
        ResponseApdu r = exchange(cla, Apdus.readRecord(cla, record, length));
        if (!r.ok()) {
            throw cardError("READ RECORD " + record + " of " + name, r);
        }
        return r.data();
    }

    private void requireSelected(int cla, int fid, String name) throws SimException {
        ResponseApdu r = select(cla, fid);
        if (!r.ok()) {
            throw notFound(r.sw()) ? unknownCard("SELECT " + name, r) : cardError("SELECT " + name, r);
        }
    }

    private ResponseApdu select(int cla, int fid) throws SimException {
        return exchange(cla, Apdus.selectFile(cla, fid));
    }

    private static FileInfo fileInfo(int cla, ResponseApdu selected) throws SimException {
        return cla == Apdus.CLA_GSM ? FileInfo.fromGsm(selected.data()) : FileInfo.fromFcp(selected.data());
    }

    /**
     * One command with every follow-up the status words ask for; the answer's data is everything collected.
     * 91xx (a proactive SIM command is pending, TS 102 221 section 10.2.1.1) counts as success: we do not run SIM
     * toolkit, and the data is complete.
     */
    ResponseApdu exchange(int cla, byte[] command) throws SimException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] next = command;
        for (int round = 0; round < MAX_CHAIN; round++) {
            ResponseApdu r = ResponseApdu.parse(channel.transmit(next));
            int sw1 = r.sw1();
            if (sw1 == 0x6C) {
                next = Apdus.withLe(next, r.sw2());
                continue;
            }
            data.writeBytes(r.data());
            if (sw1 == 0x61) {
                next = Apdus.getResponse(cla, r.sw2());
            } else if (sw1 == 0x9F) {
                next = Apdus.getResponse(Apdus.CLA_GSM, r.sw2());
            } else if (sw1 == 0x91) {
                return new ResponseApdu(data.toByteArray(), ResponseApdu.OK);
            } else {
                return new ResponseApdu(data.toByteArray(), r.sw());
            }
        }
        throw new SimException(Code.CARD_ERROR, "card kept asking for more exchanges after " + MAX_CHAIN + " rounds");
    }

    /** 6E00 class not supported, 6D00 instruction not supported, 6881 logical channel (class) not supported. */
    private static boolean classRefused(int sw) {
        return sw == 0x6E00 || sw == 0x6D00 || sw == 0x6881;
    }

    /** 6A82 (UICC) and 9404 (GSM): file not found. */
    private static boolean notFound(int sw) {
        return sw == 0x6A82 || sw == 0x9404;
    }

    private static SimException unknownCard(String step, ResponseApdu r) {
        return new SimException(Code.UNKNOWN_CARD, String.format("%s answered %04X: not a SIM", step, r.sw()));
    }

    private static SimException cardError(String step, ResponseApdu r) {
        return new SimException(Code.CARD_ERROR, String.format("%s answered %04X", step, r.sw()));
    }
}
