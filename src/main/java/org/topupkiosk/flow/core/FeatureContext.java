package org.topupkiosk.flow.core;

import java.time.Clock;
import java.util.function.Consumer;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.domain.Catalog;

/**
 * What every feature of the kiosk flow is built with: the flow it runs in ({@link FlowHost}, the flow thread), the
 * carrier and the calls to it, the catalog, the settings, the receipt desk and the clock. One parameter instead of the
 * same eight in every feature's constructor.
 */
public record FeatureContext(FlowHost host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier,
                             Catalog catalog, FlowSettings settings, ReceiptDesk receipts, Clock clock) {

    /** The same context seen through another host (a feature that needs more of the flow than {@link FlowHost}). */
    public FeatureContext withHost(FlowHost other) {
        return new FeatureContext(other, flow, calls, carrier, catalog, settings, receipts, clock);
    }

    /**
     * A carrier call with the customer watching: off the flow thread, within the carrier-check limit, its one result
     * back on the flow thread. The returned timer is the session's step ({@link FlowHost#step}).
     */
    public <T> FlowExecutor.Timer call(String what, CarrierCalls.Call<T> call,
                                       Consumer<CarrierCalls.Result<T>> onResult) {
        return calls.call(what, call, settings.carrierCheckTimeout(), onResult);
    }
}
