package org.topupkiosk.carrier.simulator;

/**
 * When to inject a {@link Fault}: for the next {@code remaining} matching requests, or (when {@code remaining} is -1)
 * for each matching request with {@code probability}. {@code pathPrefix} null means every /v1 request.
 */
public record FaultRule(Fault fault, String pathPrefix, int remaining, double probability) {

    public static final int BY_PROBABILITY = -1;

    public FaultRule {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        if (remaining == BY_PROBABILITY) {
            if (!(probability > 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
            }
        } else if (remaining < 0) {
            throw new IllegalArgumentException("count must be >= 1, got " + remaining);
        }
        if (pathPrefix != null && !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("path prefix must start with '/', got '" + pathPrefix + "'");
        }
    }

    boolean byProbability() {
        return remaining == BY_PROBABILITY;
    }

    boolean appliesTo(String method, String path) {
        if (pathPrefix != null && !path.startsWith(pathPrefix)) {
            return false;
        }
        if (fault instanceof Fault.OsmpResult) {
            return path.startsWith("/osmp");
        }
        if (fault instanceof Fault.Refuse) {
            // Only calls that can be refused: a new payment or an account check (OSMP: both are GET /osmp).
            return "POST".equals(method) && (path.equals("/v1/payments") || path.equals("/v1/accounts/check"))
                    || "GET".equals(method) && path.equals("/osmp");
        }
        return true;
    }
}
