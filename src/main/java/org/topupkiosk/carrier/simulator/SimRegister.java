package org.topupkiosk.carrier.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulator's register of SIM cards (ICCID to number), read from {@code sims.csv} beside this class. A seed file
 * rather than a rule, so a card the register does not list is unknown, as with a real carrier.
 */
final class SimRegister {

    private static final String RESOURCE = "sims.csv";
    private final Map<String, SimSubscriber> byIccid;

    private SimRegister(Map<String, SimSubscriber> byIccid) {
        this.byIccid = Map.copyOf(byIccid);
    }

    static SimRegister load() {
        try (InputStream in = SimRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " beside " + SimRegister.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static SimRegister parse(BufferedReader lines) throws IOException {
        Map<String, SimSubscriber> map = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split(";", -1);
            if (f.length != 3 || !f[0].matches("\\d{18,20}")) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": expected iccid;msisdn;operatorId, got '"
                        + l + "'");
            }
            map.put(f[0], new SimSubscriber(f[0], new Msisdn(f[1]), f[2]));
        }
        return new SimRegister(map);
    }

    Optional<SimSubscriber> find(String iccid) {
        return Optional.ofNullable(byIccid.get(iccid));
    }
}
