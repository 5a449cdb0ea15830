package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.NumberingImport;
import org.topupkiosk.config.RegistryFiles;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.ChooseService;
import org.topupkiosk.flow.core.FlowCommand.Next;
import org.topupkiosk.flow.core.FlowCommand.SetLanguage;
import org.topupkiosk.flow.core.FlowCommand.Start;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;

/**
 * The flow on a plan imported with {@code kioskctl numbering import} from a full-size registry, while the carrier
 * cannot be asked (the check answers 503): a Yota number is sold offline as MegaFon's, and a number of a virtual
 * operator with its own billing is refused before any cash, saying this kiosk does not top up that operator.
 */
class NumberingFlowTest {

    @TempDir
    Path dir;
    FlowFixture k;
    List<RegistryFiles.Row> rows;

    @BeforeEach
    void setUp() throws Exception {
        Path config = RegistryFiles.copyConfig(dir.resolve("cfg"));
        KioskConfig cfg = ConfigLoader.loadKioskConfig(config);
        rows = RegistryFiles.generate(21, 100);
        Path file = RegistryFiles.write(dir.resolve("DEF-9xx.csv"), rows, StandardCharsets.UTF_8, true, "\r\n");
        new NumberingImport(ConfigLoader.numberingLoader(cfg, ConfigLoader.loadCatalog(cfg.catalogFile())),
                Clock.systemUTC()).run(file, cfg.numberingFile(), LocalDate.of(2026, 12, 1));
        k = new FlowFixture(dir.resolve("k"), FlowFixture.settings(true, Money.rub(15000)), Clock.systemUTC(), config);
        assertThat(k.config.numbering().source()).isPresent();
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    private static String national(RegistryFiles.Row row) {
        return row.number(0).substring(2);
    }

    @Test
    void carrierDownAYotaNumberIsSoldOfflineAsMegaFon() throws Exception {
        assertThat(rows.get(0).op()).isEqualTo(RegistryFiles.YOTA);
        k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
        k.toCashInsertion(national(rows.get(0)), "300");
        FlowSnapshot s = k.snap();
        assertThat(s.offline()).isTrue();
        assertThat(s.operatorId()).isEqualTo("megafon");
    }

    @Test
    void carrierDownAVirtualOperatorsNumberIsRefusedBeforeCashNamingTheReason() throws Exception {
        assertThat(rows.get(1).op()).isEqualTo(RegistryFiles.T_MOBILE);
        k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type(national(rows.get(1)));
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("check.refused.other_operator");
        assertThat(k.acceptor.commands).doesNotContain("enable");
    }
}
