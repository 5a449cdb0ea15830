package org.topupkiosk.flow.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.topupkiosk.carrier.Capability;

/**
 * Which home services the configured carrier gateway can serve: the flow maps the gateway's
 * {@link Capability capabilities} to its {@link Service}s, so the screens (which never see the carrier) offer only what
 * will work. "Find my number" needs no capability: it is offered when the kiosk has a SIM reader, and without
 * {@link Capability#SIM_LOOKUP} it reads the number from the card alone.
 */
public final class ServiceOffer {

    private static final Map<Service, Set<Capability>> NEEDS = Map.of(
            Service.TOPUP, EnumSet.of(Capability.CHECK_ACCOUNT, Capability.TOP_UP),
            Service.PACKAGE, EnumSet.of(Capability.CHECK_ACCOUNT, Capability.PACKAGES),
            Service.BALANCE, EnumSet.of(Capability.BALANCE),
            Service.VOUCHER, EnumSet.of(Capability.VOUCHERS),
            Service.EPIN, EnumSet.of(Capability.GOODS),
            Service.ESIM, EnumSet.of(Capability.GOODS),
            Service.AUTO_TOPUP, EnumSet.of(Capability.AUTO_TOP_UP, Capability.ONE_TIME_CODES),
            Service.HISTORY, EnumSet.of(Capability.ONE_TIME_CODES),
            Service.FIND_NUMBER, EnumSet.noneOf(Capability.class));

    private final Set<Capability> capabilities;
    private final Set<Service> offered;

    /** The offer of a gateway with {@code capabilities}, on a kiosk with or without a SIM reader. */
    public ServiceOffer(Set<Capability> capabilities, boolean simReader) {
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        EnumSet<Service> out = EnumSet.noneOf(Service.class);
        for (Service s : Service.values()) {
            if (allows(this.capabilities, s) && (s != Service.FIND_NUMBER || simReader)) {
                out.add(s);
            }
        }
        this.offered = Collections.unmodifiableSet(out);
    }

    /** What {@code service} needs of the gateway. */
    public static Set<Capability> needs(Service service) {
        return Collections.unmodifiableSet(NEEDS.get(service));
    }

    /** Can a gateway with {@code capabilities} serve {@code service} (the SIM reader aside)? */
    public static boolean allows(Set<Capability> capabilities, Service service) {
        return capabilities.containsAll(NEEDS.get(service));
    }

    /** The services the home screen offers, in no particular order. */
    public Set<Service> offered() {
        return offered;
    }

    public boolean offers(Service service) {
        return offered.contains(service);
    }

    /** The gateway can do this (for steps inside a service, such as the carrier's look-up of a SIM by ICCID). */
    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
