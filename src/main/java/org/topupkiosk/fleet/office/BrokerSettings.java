package org.topupkiosk.fleet.office;

import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * How the office reaches the broker: its URL ({@code tcp://}, {@code ssl://}), the client id its persistent session
 * lives under, and optional credentials (user name and password, and/or a TLS socket factory with the CA and a client
 * certificate).
 */
public record BrokerSettings(String url, String clientId, String username, char[] password,
                             SSLSocketFactory socketFactory) {

    public static final String DEFAULT_CLIENT_ID = "topup-office";

    public BrokerSettings {
        Objects.requireNonNull(url, "broker url");
        Objects.requireNonNull(clientId, "client id");
    }

    public static BrokerSettings anonymous(String url) {
        return new BrokerSettings(url, DEFAULT_CLIENT_ID, null, null, null);
    }

    public BrokerSettings withClientId(String id) {
        return new BrokerSettings(url, id, username, password, socketFactory);
    }
}
