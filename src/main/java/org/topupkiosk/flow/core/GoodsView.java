package org.topupkiosk.flow.core;

import java.time.LocalDate;
import java.util.List;
import org.topupkiosk.domain.Money;

/**
 * The e-PIN and eSIM screens' part of a {@link ServicesView}: immutable, filled by {@link GoodsSales}. The PIN and
 * the activation code are here only on the done screen, for the customer to read; {@link #toString()} masks them so a
 * logged snapshot never holds one.
 *
 * @param offers        the nominals or plans of the current page (list screen)
 * @param selected      the nominal or plan chosen, or null
 * @param deviceDigits  the EID or IMEI typed so far, grouped for reading ("3569 3803 5643 809")
 * @param deviceCount   how many digits are typed
 * @param deviceKind    "IMEI" or "EID" once a valid one is accepted, else null
 * @param pin           the issued PIN, grouped in fours, or null
 * @param activationCode the issued SGP.22 activation code (the QR payload), or null
 * @param newNumber     the eSIM's new number, formatted, or null
 * @param claimCode     the claim code of an order the carrier has not answered yet, grouped, or null
 * @param change        what was paid above an e-PIN's price, on the credit voucher {@code changeCode}; null for none
 */
public record GoodsView(
        Service service,
        List<Offer> offers,
        int page,
        int pages,
        Offer selected,
        String deviceDigits,
        int deviceCount,
        String deviceKind,
        String pin,
        String serial,
        LocalDate expiresOn,
        String activationCode,
        String smdpAddress,
        String matchingId,
        String newNumber,
        String claimCode,
        String claimPayload,
        Money change,
        String changeCode) {

    /**
     * An e-PIN nominal or eSIM plan as the screens show it: {@code kind} epin or esim; quantities -1 for unlimited;
     * {@code fee} the kiosk's commission and {@code cashNeeded} the cash to insert for {@code price}.
     */
    public record Offer(String id, String title, String kind, Money price, Money fee, Money cashNeeded, long dataMb,
                        long voiceMinutes, int validDays) {}

    public GoodsView {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public boolean esim() {
        return service == Service.ESIM;
    }

    /** Issued goods are on the view (the done screen after the carrier answered). */
    public boolean issued() {
        return pin != null || activationCode != null;
    }

    @Override
    public String toString() {
        return "GoodsView[" + service + " offers=" + offers.size() + " selected=" + (selected == null ? null : selected.id())
                + " device=" + deviceCount + " digits" + (pin == null ? "" : " pin=****" + pin.substring(pin.length() - 4))
                + (activationCode == null ? "" : " esim=" + smdpAddress + "$****")
                + (claimCode == null ? "" : " claim=****") + "]";
    }
}
