package org.topupkiosk.journal;

import java.time.Instant;

/** The claim code of a submitted e-PIN or eSIM order (see {@link GoodsClaimCodes}); a bearer secret. */
public record GoodsClaim(String txnId, String kind, String code, Instant createdAt) {

    @Override
    public String toString() {
        return "GoodsClaim[" + txnId + " " + kind + " ****" + code.substring(code.length() - 4) + "]";
    }
}
