package org.topupkiosk.carrier.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import org.topupkiosk.carrier.CarrierException.Kind;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.RequestSigner;

/**
 * The HTTP side of {@link RestCarrierGateway}: every request signed ({@link RequestSigner}) and sent on one kept-alive
 * client, and every transport failure turned into a {@link CarrierException} kind here, once. A received answer is
 * classified by its status when it is decoded ({@link Answer}).
 */
final class CarrierHttp {

    private static final String JSON = "application/json";
    /** No carrier answer is near this big; a bigger one is refused unread rather than held in memory. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final URI baseUrl;
    private final String kioskId;
    private final byte[] kioskKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient http;

    CarrierHttp(URI baseUrl, String kioskId, byte[] kioskKey, Duration connectTimeout, Duration requestTimeout,
                Clock clock) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.kioskId = kioskId;
        this.kioskKey = kioskKey.clone();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 keep-alive: plain http would otherwise try an h2c upgrade on every new connection.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The one place where transport failures become {@link CarrierException} kinds. */
    Answer send(String method, String path, String query, byte[] body, String... extraHeaders)
            throws CarrierException {
        URI uri = URI.create(baseUrl + path + (query == null ? "" : "?" + query));
        String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long now = clock.instant().getEpochSecond();
        byte[] payload = body == null ? new byte[0] : body;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header(RequestSigner.HEADER_KIOSK_ID, kioskId)
                .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(now))
                .header(RequestSigner.HEADER_SIGNATURE,
                        RequestSigner.sign(kioskKey, method, pathWithQuery, now, kioskId, payload));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(b.build(), CappedBody.handler(MAX_BODY_BYTES));
        try {
            // HttpRequest.timeout stops at the headers; this deadline covers the body too (a byte a minute).
            response = call.get(callDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "timeout",
                    method + " " + path + ": no whole answer within " + callDeadline(), e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "interrupted", method + " " + path + " interrupted", e);
        } catch (ExecutionException e) {
            throw classify(method, path, e.getCause() == null ? e : e.getCause());
        }
        return new Answer(method + " " + path, response.statusCode(), response.body());
    }

    /** The longest a call may take, headers and body: connect, then the request timeout, plus a little slack. */
    Duration callDeadline() {
        return connectTimeout.plus(requestTimeout).plusMillis(250);
    }

    private CarrierException classify(String method, String path, Throwable e) {
        if (e instanceof CappedBody.TooLarge t) {
            // An answer we refuse to read is a garbled one: the payment may have been applied.
            return new CarrierException(Kind.UNKNOWN_OUTCOME, "body-too-large", method + " " + path + ": " + t.getMessage(), t);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new CarrierException(Kind.UNREACHABLE, "connect-timeout", method + " " + path + ": " + e.getMessage(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new CarrierException(Kind.UNKNOWN_OUTCOME, "timeout", method + " " + path + " after " + requestTimeout, e);
        }
        if (e instanceof ConnectException) {
            String code = hasCause(e, UnresolvedAddressException.class) ? "unresolved" : "connect-refused";
            return new CarrierException(Kind.UNREACHABLE, code, method + " " + path + ": " + e, e);
        }
        if (e instanceof SSLHandshakeException) {
            // The handshake comes before any request byte, so nothing can have been applied.
            return new CarrierException(Kind.UNREACHABLE, "tls", method + " " + path + ": " + e.getMessage(), e);
        }
        if (hasCause(e, UnresolvedAddressException.class)) {
            return new CarrierException(Kind.UNREACHABLE, "unresolved", method + " " + path + ": " + e, e);
        }
        if (hasCause(e, CappedBody.TooLarge.class)) {
            return classify(method, path, firstCause(e, CappedBody.TooLarge.class));
        }
        return new CarrierException(Kind.UNKNOWN_OUTCOME, "io", method + " " + path + ": " + e, e);
    }

    private static Throwable firstCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return t;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A received HTTP answer, classified by status when it is decoded. */
    record Answer(String call, int status, byte[] body) {

        <T> T decodeOk(Function<JsonNode, T> decoder) throws CarrierException {
            if (status >= 200 && status < 300) {
                return decodeOr(Kind.UNKNOWN_OUTCOME, decoder);
            }
            if (status == 400 || status == 401 || status == 403 || status == 404 || status == 409 || status == 422) {
                throw error(Kind.PROTOCOL);
            }
            // 5xx, and anything else we cannot place (a 3xx from a proxy): the request may have been applied.
            throw error(Kind.UNKNOWN_OUTCOME);
        }

        /** As {@link #decodeOk}, but a 404 is the carrier's refusal, coded {@code refusal} unless the body names one. */
        <T> T decodeOr404(String refusal, Function<JsonNode, T> decoder) throws CarrierException {
            if (status == 404) {
                throw refusal(refusal);
            }
            return decodeOk(decoder);
        }

        <T> T decodeOr(Kind kindWhenBad, Function<JsonNode, T> decoder) throws CarrierException {
            try {
                return decoder.apply(CarrierJson.parse(body));
            } catch (RuntimeException e) {
                // WireFormatException, or a domain constructor refusing a value: either way the answer is unusable.
                throw new CarrierException(kindWhenBad, "bad-body", call + " HTTP " + status + ": " + e.getMessage(), e);
            }
        }

        CarrierException refusal(String defaultCode) {
            return new CarrierException(Kind.REFUSED, errorField("code", defaultCode), errorField("message", call));
        }

        CarrierException error(Kind kind) {
            String code = "http-" + status;
            String detail = errorField("code", "?") + " " + errorField("message", "");
            return new CarrierException(kind, code, call + ": " + detail.strip());
        }

        private String errorField(String field, String fallback) {
            try {
                String v = CarrierJson.optionalText(CarrierJson.parse(body), field);
                return v == null ? fallback : v;
            } catch (RuntimeException e) {
                return fallback;
            }
        }
    }
}
