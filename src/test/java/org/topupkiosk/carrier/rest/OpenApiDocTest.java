package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml parses and names exactly the endpoints the adapter and the simulator implement. */
class OpenApiDocTest {

    @Test
    void documentsEveryEndpoint() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/v1/accounts/check", "/v1/accounts/{msisdn}/balance",
                "/v1/catalog", "/v1/goods", "/v1/payments", "/v1/payments/{txnId}", "/v1/otp", "/v1/otp/{otpId}/verify",
                "/v1/sims/{iccid}", "/v1/vouchers/validate", "/v1/vouchers/redeem", "/sim/faults", "/sim/ledger",
                "/sim/sms",
                // auto top-up and recent payments
                "/v1/autotopup", "/v1/otp/tokens/redeem");
        JsonNode money = doc.at("/components/schemas/Money/properties/minor");
        assertThat(money.path("type").asText()).as("money is never a float").isEqualTo("integer");
    }
}
