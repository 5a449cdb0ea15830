package org.topupkiosk.flow.fiscal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;

/** Fiscal settings for the flow's tests: a payment agent on the simplified system, a supplier for every operator. */
public final class FiscalTestSettings {

    public static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    public static final FiscalItem.Supplier MTS = new FiscalItem.Supplier("ПАО «МТС»", "7740000076",
            List.of("+78002500890"));
    public static final FiscalSettings SETTINGS = new FiscalSettings(FiscalReceipt.TaxSystem.USN_INCOME,
            new FiscalItem.Agent("Приём платежей", List.of("+74951234567"), List.of("+74957654321")),
            Map.of("mts", MTS, "beeline", MTS, "megafon", MTS, "t2", MTS), "kiosk 0042", MSK, Duration.ofHours(1));

    private FiscalTestSettings() {}
}
