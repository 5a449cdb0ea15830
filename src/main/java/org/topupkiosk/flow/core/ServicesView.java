package org.topupkiosk.flow.core;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topupkiosk.domain.Money;

/**
 * The part of a {@link FlowSnapshot} the service screens need (home tiles, operator tiles, balance, packages, scratch
 * card, promotion). Immutable; nullable fields are null when they do not apply. The scratch card's PIN is never here in
 * clear: only its mask.
 *
 * @param voucherPinMasked the typed PIN as bullets in groups of four ("•••• •••• ••")
 * @param promo            the promotion shown before paying, or null
 * @param goods            what the e-PIN and eSIM screens show (products, the issued PIN or activation code), or null
 * @param account          what the one-time-code services show (auto top-up, recent payments), or null
 * @param sim              what the find-my-number screens show (the card read, the number found), or null
 * @param offered          the services the home screen offers: what the configured carrier gateway can do (and "find
 *                         my number" only with a SIM reader); see {@link ServiceOffer}
 */
public record ServicesView(
        Service service,
        List<OperatorTile> operators,
        String hintOperatorId,
        Money balance,
        LocalDate balanceExpires,
        List<PackageView> packages,
        int page,
        int pages,
        PackageView selected,
        String voucherPinMasked,
        int voucherPinLength,
        Money voucherNominal,
        String voucherOperatorName,
        String voucherSerial,
        PromoView promo,
        GoodsView goods,
        AccountView account,
        SimLookupView sim,
        Set<Service> offered) {

    /** An operator tile: id, name in the customer's language, brand colour. */
    public record OperatorTile(String id, String name, String color) {}

    /**
     * A package as the list and details screens show it. {@code kind} is data, voice or combo; {@code period} day,
     * month or unlimited; quantities use -1 for unlimited.
     */
    public record PackageView(String id, String title, String kind, String period, long dataMb, long voiceMinutes,
                              Money price, Money fee, Money cashNeeded) {}

    /**
     * A promotion: its title, the bonus percent and threshold, the bonus the carrier should add for the current amount
     * and whether the current amount earns it.
     */
    public record PromoView(String id, String title, int percent, Money minAmount, Money bonus, boolean applies) {}

    public ServicesView {
        operators = operators == null ? List.of() : List.copyOf(operators);
        packages = packages == null ? List.of() : List.copyOf(packages);
        offered = offered == null ? Set.copyOf(EnumSet.allOf(Service.class)) : Set.copyOf(offered);
    }

    /** Every service offered, as with the REST gateway and a SIM reader. */
    public ServicesView(Service service, List<OperatorTile> operators, String hintOperatorId, Money balance,
                        LocalDate balanceExpires, List<PackageView> packages, int page, int pages, PackageView selected,
                        String voucherPinMasked, int voucherPinLength, Money voucherNominal,
                        String voucherOperatorName, String voucherSerial, PromoView promo, GoodsView goods,
                        AccountView account, SimLookupView sim) {
        this(service, operators, hintOperatorId, balance, balanceExpires, packages, page, pages, selected,
                voucherPinMasked, voucherPinLength, voucherNominal, voucherOperatorName, voucherSerial, promo, goods,
                account, sim, null);
    }

    /** Is {@code s} offered on the home screen (and reachable from other screens)? */
    public boolean offers(Service s) {
        return offered.contains(s);
    }

    /** The services of the first home screen alone (no e-PIN, eSIM, one-time-code or SIM details). */
    public ServicesView(Service service, List<OperatorTile> operators, String hintOperatorId, Money balance,
                        LocalDate balanceExpires, List<PackageView> packages, int page, int pages, PackageView selected,
                        String voucherPinMasked, int voucherPinLength, Money voucherNominal,
                        String voucherOperatorName, String voucherSerial, PromoView promo) {
        this(service, operators, hintOperatorId, balance, balanceExpires, packages, page, pages, selected,
                voucherPinMasked, voucherPinLength, voucherNominal, voucherOperatorName, voucherSerial, promo, null,
                null, null);
    }
}
