package org.topupkiosk.carrier.osmp;

/**
 * One OSMP answer, {@code <response><osmp_txn_id/><prv_txn/><sum/><result/><comment/></response>}, as read by
 * {@link OsmpXml}. {@code result} and {@code osmpTxnId} are always there (a body without them is garbled);
 * {@code prvTxn}, {@code sumMinor} (kopecks) and {@code comment} are null when the provider left them out: which of
 * them a call needs is the gateway's rule, not the parser's.
 */
public record OsmpAnswer(String osmpTxnId, String prvTxn, Long sumMinor, int result, String comment) {

    public OsmpAnswer {
        if (osmpTxnId == null || !OsmpXml.isTxnId(osmpTxnId)) {
            throw new IllegalArgumentException("osmp_txn_id must be 1-20 digits, got '" + osmpTxnId + "'");
        }
        if (result < 0 || result > OsmpXml.MAX_RESULT) {
            throw new IllegalArgumentException("result must be 0.." + OsmpXml.MAX_RESULT + ", got " + result);
        }
        if (sumMinor != null && (sumMinor < 0 || sumMinor > OsmpXml.MAX_SUM_MINOR)) {
            throw new IllegalArgumentException("sum must be 0.." + OsmpXml.MAX_SUM_MINOR + " kopecks, got " + sumMinor);
        }
    }
}
