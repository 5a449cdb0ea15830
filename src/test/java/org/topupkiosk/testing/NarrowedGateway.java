package org.topupkiosk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.Capability;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Msisdn;

/**
 * A real gateway (the REST adapter on the carrier simulator) that says it can do less: {@link #capabilities()} is
 * narrowed, and a call outside it fails as an adapter without it would (PROTOCOL {@code unsupported}) and is recorded in
 * {@link #refused()}, so a test sees that nothing the gateway cannot do was even asked. With
 * {@code EnumSet.of(CHECK_ACCOUNT, TOP_UP)} it answers what the OSMP adapter answers. {@code pay} and {@code status}
 * always go through (the outbox sends every payment the same way).
 */
public final class NarrowedGateway implements CarrierGateway {

    /** What the OSMP adapter can do. */
    public static final Set<Capability> OSMP = Collections.unmodifiableSet(
            EnumSet.of(Capability.CHECK_ACCOUNT, Capability.TOP_UP));

    private final CarrierGateway real;
    private final Set<Capability> capabilities;
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    public NarrowedGateway(CarrierGateway real, Set<Capability> capabilities) {
        this.real = Objects.requireNonNull(real, "real");
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    /** The calls that were made although the capabilities exclude them, by name. */
    public List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    /** Every call made through this gateway, by name, in order (refused ones too). */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void need(Capability c, String call) throws CarrierException {
        calls.add(call);
        if (!capabilities.contains(c)) {
            refused.add(call);
            throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported", call + " needs " + c);
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(capabilities);
    }

    @Override
    public Duration callDeadline() {
        return real.callDeadline();
    }

    @Override
    public AccountCheck checkAccount(Msisdn msisdn, String operatorId) throws CarrierException {
        need(Capability.CHECK_ACCOUNT, "checkAccount");
        return real.checkAccount(msisdn, operatorId);
    }

    @Override
    public Balance balance(Msisdn msisdn) throws CarrierException {
        need(Capability.BALANCE, "balance");
        return real.balance(msisdn);
    }

    @Override
    public List<CatalogEntry> catalog(String operatorId) throws CarrierException {
        need(Capability.PACKAGES, "catalog");
        return real.catalog(operatorId);
    }

    @Override
    public List<GoodsOffer> goods(String operatorId) throws CarrierException {
        need(Capability.GOODS, "goods");
        return real.goods(operatorId);
    }

    @Override
    public PaymentResult pay(PaymentRequest request) throws CarrierException {
        calls.add("pay");
        return real.pay(request);
    }

    @Override
    public PaymentResult status(String txnId) throws CarrierException {
        calls.add("status");
        return real.status(txnId);
    }

    @Override
    public OtpChallenge requestOtp(Msisdn msisdn, String purpose) throws CarrierException {
        need(Capability.ONE_TIME_CODES, "requestOtp");
        return real.requestOtp(msisdn, purpose);
    }

    @Override
    public OtpCheck verifyOtp(String otpId, String code) throws CarrierException {
        need(Capability.ONE_TIME_CODES, "verifyOtp");
        return real.verifyOtp(otpId, code);
    }

    @Override
    public AutoTopUpEnrolment enrolAutoTopUp(AutoTopUpRequest request) throws CarrierException {
        need(Capability.AUTO_TOP_UP, "enrolAutoTopUp");
        return real.enrolAutoTopUp(request);
    }

    @Override
    public OtpTokenUse spendOtpToken(String useId, String token, Msisdn msisdn, String purpose)
            throws CarrierException {
        need(Capability.ONE_TIME_CODES, "spendOtpToken");
        return real.spendOtpToken(useId, token, msisdn, purpose);
    }

    @Override
    public SimSubscriber subscriberBySim(String iccid) throws CarrierException {
        need(Capability.SIM_LOOKUP, "subscriberBySim");
        return real.subscriberBySim(iccid);
    }

    @Override
    public VoucherInfo validateVoucher(String pin) throws CarrierException {
        need(Capability.VOUCHERS, "validateVoucher");
        return real.validateVoucher(pin);
    }

    @Override
    public VoucherRedemption redeemVoucher(String pin, Msisdn msisdn, String redemptionId) throws CarrierException {
        need(Capability.VOUCHERS, "redeemVoucher");
        return real.redeemVoucher(pin, msisdn, redemptionId);
    }
}
