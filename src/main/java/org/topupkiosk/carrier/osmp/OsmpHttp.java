package org.topupkiosk.carrier.osmp;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierException.Kind;
import org.topupkiosk.carrier.rest.CappedBody;

/**
 * The HTTP side of {@link OsmpCarrierGateway}: a GET with the command in the query, HTTP Basic when configured, one
 * kept-alive client with the provider's TLS context, the body read up to {@link OsmpXml#MAX_BODY_BYTES}, and the
 * whole call (headers and body) bounded by {@link #callDeadline()}. Transport failures become {@link CarrierException}
 * kinds here, once: nothing sent is {@link Kind#UNREACHABLE}; sent without a trustworthy answer is
 * {@link Kind#UNKNOWN_OUTCOME}.
 */
final class OsmpHttp {

    private final URI url;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient http;

    OsmpHttp(URI url, OsmpAuth auth, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.authorization = auth.authorization();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (auth.tls() != null) {
            b.sslContext(auth.tls());
        }
        this.http = b.build();
    }

    Duration callDeadline() {
        return connectTimeout.plus(requestTimeout).plusMillis(250);
    }

    /** The answer body of a 200; any other status is classified here. */
    byte[] get(String command, String query) throws CarrierException {
        String sep = url.getRawQuery() == null ? "?" : "&";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + sep + query))
                .timeout(requestTimeout)
                .header("Accept", "application/xml, text/xml")
                .GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(b.build(), CappedBody.handler(OsmpXml.MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = call.get(callDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "timeout", command + ": no whole answer within "
                    + callDeadline(), e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "interrupted", command + " interrupted", e);
        } catch (ExecutionException e) {
            throw classify(command, e.getCause() == null ? e : e.getCause());
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status == 401 || status == 403) {
            // Our credentials or certificate were refused: an engineer's problem, and nothing was applied.
            throw new CarrierException(Kind.PROTOCOL, "http-" + status, command + ": the provider refused our "
                    + "credentials (HTTP " + status + ")");
        }
        if (status == 400 || status == 404 || status == 405) {
            throw new CarrierException(Kind.PROTOCOL, "http-" + status, command + ": HTTP " + status);
        }
        // 5xx, and anything we cannot place (a 3xx from a proxy): the payment may have been applied.
        throw new CarrierException(Kind.UNKNOWN_OUTCOME, "http-" + status, command + ": HTTP " + status);
    }

    private CarrierException classify(String command, Throwable e) {
        Throwable tooLarge = cause(e, CappedBody.TooLarge.class);
        if (tooLarge != null) {
            return new CarrierException(Kind.UNKNOWN_OUTCOME, "body-too-large", command + ": " + tooLarge.getMessage(), e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new CarrierException(Kind.UNREACHABLE, "connect-timeout", command + ": " + e.getMessage(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new CarrierException(Kind.UNKNOWN_OUTCOME, "timeout", command + " after " + requestTimeout, e);
        }
        if (cause(e, UnresolvedAddressException.class) != null) {
            return new CarrierException(Kind.UNREACHABLE, "unresolved", command + ": " + e, e);
        }
        if (e instanceof ConnectException) {
            return new CarrierException(Kind.UNREACHABLE, "connect-refused", command + ": " + e, e);
        }
        if (cause(e, SSLHandshakeException.class) != null) {
            // The handshake comes before any request byte, so nothing can have been applied.
            return new CarrierException(Kind.UNREACHABLE, "tls", command + ": " + e.getMessage(), e);
        }
        return new CarrierException(Kind.UNKNOWN_OUTCOME, "io", command + ": " + e, e);
    }

    private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }
}
