package org.topupkiosk.carrier.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fixed vectors, computed independently (Python hmac/hashlib) and published in docs/carrier-api.md. */
class RequestSignerTest {

    private static final byte[] KEY = "topup-kiosk-dev-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void getWithQueryAndEmptyBody() {
        assertThat(RequestSigner.sign(KEY, "GET", "/v1/catalog?operator=mts", 1763700000L, "kiosk-001", new byte[0]))
                .isEqualTo("tjpp2UFEC7qPK971eMu2CIQvgmR4f2iBh7MuO41A2Do=");
    }

    @Test
    void postWithBody() {
        byte[] body = "{\"msisdn\":\"+79161234567\"}".getBytes(StandardCharsets.UTF_8);
        String sig = RequestSigner.sign(KEY, "POST", "/v1/accounts/check", 1763700000L, "kiosk-001", body);
        assertThat(sig).isEqualTo("uZ1k87vEZlZv6VHySFlKdGf7/A9DiLNQPjGLmeGKnDk=");
        assertThat(RequestSigner.verify(KEY, "POST", "/v1/accounts/check", 1763700000L, "kiosk-001", body, sig)).isTrue();
        assertThat(RequestSigner.verify(KEY, "POST", "/v1/accounts/check", 1763700001L, "kiosk-001", body, sig)).isFalse();
        assertThat(RequestSigner.verify(KEY, "POST", "/v1/accounts/check", 1763700000L, "kiosk-001", body, null)).isFalse();
    }
}
