package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code carrier.osmp}: keys, the rules between them, and errors naming the key. */
class OsmpConfigTest extends YamlSnippetTest {

    private static final String OSMP_NONE = MINIMAL + "carrier:\n  adapter: osmp\n  simulator: none\n";

    @Test
    void osmpKeysAreReadAndNeedNoHmacKey() throws Exception {
        KioskConfig.Carrier c = ConfigLoader.loadKioskConfig(write(OSMP_NONE + "  osmp:\n"
                + "    url: https://provider.example.ru/osmp\n    basicAuthFile: secrets/basic\n"
                + "    clientCertFile: secrets/client.p12\n    clientCertPasswordFile: secrets/p12.pw\n"
                + "    trustFile: provider-ca.pem\n")).carrier();
        assertThat(c.adapter()).isEqualTo(KioskConfig.Adapter.OSMP);
        assertThat(c.osmp().url()).contains(URI.create("https://provider.example.ru/osmp"));
        assertThat(c.osmp().basicAuthFile()).contains(dir.resolve("secrets/basic"));
        assertThat(c.osmp().clientCertFile()).contains(dir.resolve("secrets/client.p12"));
        assertThat(c.osmp().clientCertPasswordFile()).contains(dir.resolve("secrets/p12.pw"));
        assertThat(c.osmp().trustFile()).contains(dir.resolve("provider-ca.pem"));
        assertThat(c.kioskKeyFile()).isEmpty();
        // Without the section: nothing, and a REST kiosk is unchanged.
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL)).carrier().osmp()).isEqualTo(KioskConfig.Osmp.NONE);
    }

    @Test
    void badValuesAreNamedByTheirKey() throws Exception {
        assertThat(errorOf(OSMP_NONE)).contains("carrier.osmp.url: is missing (required with adapter: osmp");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: http://provider.example.ru/osmp\n"))
                .contains("carrier.osmp.url: \"http://provider.example.ru/osmp\" uses plain http to provider.example.ru");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: https://p.example\n    clientCertPasswordFile: pw\n"))
                .contains("carrier.osmp.clientCertPasswordFile: is set without clientCertFile");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: http://127.0.0.1:9/osmp\n    clientCertFile: c.pem\n"))
                .contains("carrier.osmp.clientCertFile: needs an https url");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: https://p.example\n    basicAuthFile: \"\"\n"))
                .contains("carrier.osmp.basicAuthFile: is empty");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: https://p.example\n    password: x\n"))
                .contains("carrier.osmp.password").contains("secrets never go in YAML");
        // Loopback http is allowed, as for REST; the embedded simulator needs no url.
        assertThat(ConfigLoader.loadKioskConfig(write(OSMP_NONE + "  osmp:\n    url: http://127.0.0.1:8080/osmp\n"))
                .carrier().osmp().url()).isPresent();
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "carrier:\n  adapter: osmp\n")).carrier().osmp().url())
                .isEmpty();
    }

}
