package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.gpio.CabinetEvent;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.account.AutoTopUps;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.SimControl;

/**
 * Issue 12, "no money without paper": every screen x every money-relevant event. Each cell drives a fresh kiosk (real
 * flow, journal, outbox, carrier simulator, printer emulator) onto the screen through the customer's own steps, with a
 * payment of an earlier customer still pending in the outbox (its claim-code receipt printed), fires the event, and
 * then asks the journal: every rouble is in the open order on the screen, in an order that reached the carrier, or in
 * a credit whose voucher (or, for a refusal after the customer left, whose order's claim receipt) was stored and
 * printed; and the journal verifies. Where an event means nothing on a screen the same checks prove it harmless.
 */
class MoneyWithoutPaperTest {

    enum Event { STACKED, POWER_UP_WITH_NOTE, CONFIRMATION, REFUSAL, TIMEOUT, DOOR, LOCK, INACTIVITY }

    @FunctionalInterface
    interface Recipe {
        void drive(Cell c) throws Exception;
    }

    private static final Map<Screen, Recipe> RECIPES = new EnumMap<>(Screen.class);

    @TempDir
    Path dir;

    /** One cell's kiosk and what it needs beyond the fixture: a SIM reader, a printer that can be held. */
    static final class Cell implements AutoCloseable {
        final FlowFixture k;
        final CountDownLatch printerHeld = new CountDownLatch(1);
        boolean printerBlocked;

        Cell(Path dir) throws Exception {
            k = new FlowFixture(dir);
            k.flow.attachSimReader(new SimControl() {
                @Override
                public void arm() { }

                @Override
                public void disarm() { }

                @Override
                public Optional<SimException.Code> unavailable() {
                    return Optional.empty();
                }
            });
            k.cmd(new StillHere());
        }

        void home() {
            k.cmd(new Start(), new SetLanguage(Lang.EN));
        }

        void service(Service s) {
            home();
            k.cmd(new ChooseService(s));
        }

        void topUpNumber() {
            service(Service.TOPUP);
            k.cmd(new Next());
        }

        void cash(String amount, long note) throws Exception {
            k.toCashInsertion("9161234567", amount);
            k.insert(note, "c-" + note);
        }

        void sim(SimEvent e) {
            k.flow.simEvent(e);
            k.exec.runPending();
        }

        /** Holds the printer's thread (a drawer kick whose callback waits), so RECEIPT stays on the screen. */
        void holdPrinter() {
            printerBlocked = true;
            k.desk.openDrawer(ok -> {
                try {
                    printerHeld.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void release() {
            printerHeld.countDown();
            k.holdIo = false;
            List<Runnable> held = new ArrayList<>(k.heldIo);
            k.heldIo.clear();
            held.forEach(Runnable::run);
            k.exec.runPending();
        }

        @Override
        public void close() {
            printerHeld.countDown();
            k.close();
        }
    }

    static {
        RECIPES.put(Screen.IDLE, c -> { });
        RECIPES.put(Screen.LANGUAGE, c -> c.k.cmd(new Start()));
        RECIPES.put(Screen.HOME, Cell::home);
        RECIPES.put(Screen.OPERATOR_CHOICE, c -> c.service(Service.TOPUP));
        RECIPES.put(Screen.NUMBER_ENTRY, Cell::topUpNumber);
        RECIPES.put(Screen.CHECKING_NUMBER, c -> {
            c.topUpNumber();
            c.k.type("9161234567");
            c.k.holdIo = true;
            c.k.cmd(new Next());
        });
        RECIPES.put(Screen.OPERATOR_CONFIRM, c -> {
            c.topUpNumber();
            c.k.type("9161234567");
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.OPERATOR_CONFIRM);
        });
        RECIPES.put(Screen.AMOUNT_ENTRY, c -> {
            RECIPES.get(Screen.OPERATOR_CONFIRM).drive(c);
            c.k.cmd(new Next());
        });
        RECIPES.put(Screen.CASH_INSERTION, c -> c.cash("500", 100));
        RECIPES.put(Screen.CONFIRM, c -> {
            c.cash("100", 100);
            c.k.cmd(new Pay());
        });
        RECIPES.put(Screen.SUBMITTING, c -> {
            RECIPES.get(Screen.CONFIRM).drive(c);
            c.k.cmd(new Confirm());
        });
        RECIPES.put(Screen.RECEIPT, c -> {
            RECIPES.get(Screen.SUBMITTING).drive(c);
            c.holdPrinter();
            c.k.drain();
            c.k.awaitScreen(Screen.RECEIPT);
        });
        RECIPES.put(Screen.DONE, c -> {
            RECIPES.get(Screen.SUBMITTING).drive(c);
            c.k.drain();
            c.k.awaitScreen(Screen.DONE);
        });
        RECIPES.put(Screen.CREDIT_VOUCHER, c -> {
            c.cash("500", 100);
            c.k.cmd(new Cancel());
            c.k.awaitScreen(Screen.CREDIT_VOUCHER);
        });
        RECIPES.put(Screen.BALANCE_RESULT, c -> {
            c.service(Service.BALANCE);
            c.k.type("9161234567");
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.BALANCE_RESULT);
        });
        RECIPES.put(Screen.PACKAGE_LIST, c -> {
            c.service(Service.PACKAGE);
            c.k.type("9161234567");
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.PACKAGE_LIST);
        });
        RECIPES.put(Screen.PACKAGE_DETAILS, c -> {
            RECIPES.get(Screen.PACKAGE_LIST).drive(c);
            c.k.cmd(new ChooseProduct(c.k.snap().services().packages().get(0).id()));
        });
        RECIPES.put(Screen.VOUCHER_PIN, c -> c.service(Service.VOUCHER));
        RECIPES.put(Screen.VOUCHER_CHECKING, c -> {
            c.service(Service.VOUCHER);
            c.k.type(ServicesFlowTest.MTS_500);
            c.k.holdIo = true;
            c.k.cmd(new Next());
        });
        RECIPES.put(Screen.VOUCHER_CONFIRM, c -> {
            c.service(Service.VOUCHER);
            c.k.type(ServicesFlowTest.MTS_500);
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.VOUCHER_CONFIRM);
        });
        RECIPES.put(Screen.SIM_INSERT, c -> c.service(Service.FIND_NUMBER));
        RECIPES.put(Screen.SIM_READING, c -> {
            c.service(Service.FIND_NUMBER);
            c.sim(new SimEvent.Inserted(FindMyNumberFlowTest.READER));
        });
        RECIPES.put(Screen.SIM_RESULT, c -> {
            RECIPES.get(Screen.SIM_READING).drive(c);
            c.sim(new SimEvent.Read(FindMyNumberFlowTest.READER,
                    FindMyNumberFlowTest.card(VirtualSimProfile.GSM_WITH_NUMBER)));
            c.k.awaitScreen(Screen.SIM_RESULT);
        });
        RECIPES.put(Screen.SIM_FAILED, c -> {
            RECIPES.get(Screen.SIM_READING).drive(c);
            c.sim(new SimEvent.ReadFailed(FindMyNumberFlowTest.READER,
                    new SimException(SimException.Code.UNKNOWN_CARD, "test")));
            c.k.awaitScreen(Screen.SIM_FAILED);
        });
        RECIPES.put(Screen.AUTO_TOPUP_THRESHOLD, c -> {
            c.service(Service.AUTO_TOPUP);
            c.k.type("9161234567");
            c.k.cmd(new Next());
        });
        RECIPES.put(Screen.AUTO_TOPUP_AMOUNT, c -> {
            RECIPES.get(Screen.AUTO_TOPUP_THRESHOLD).drive(c);
            c.k.cmd(new ChooseAmount(AutoTopUps.THRESHOLDS.get(0)));
        });
        RECIPES.put(Screen.AUTO_TOPUP_SUMMARY, c -> {
            RECIPES.get(Screen.AUTO_TOPUP_AMOUNT).drive(c);
            c.k.cmd(new ChooseAmount(AutoTopUps.AMOUNTS.get(0)));
        });
        RECIPES.put(Screen.OTP_SENDING, c -> {
            RECIPES.get(Screen.AUTO_TOPUP_SUMMARY).drive(c);
            c.k.holdIo = true;
            c.k.cmd(new Next());
        });
        RECIPES.put(Screen.OTP_ENTRY, c -> {
            RECIPES.get(Screen.AUTO_TOPUP_SUMMARY).drive(c);
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.OTP_ENTRY);
        });
        RECIPES.put(Screen.OTP_CHECKING, c -> {
            RECIPES.get(Screen.OTP_ENTRY).drive(c);
            c.k.type(lastCode(c));
            c.k.holdIo = true;
            c.k.cmd(new Next());
        });
        RECIPES.put(Screen.AUTO_TOPUP_SUBMITTING, c -> {
            RECIPES.get(Screen.OTP_CHECKING).drive(c);
            Runnable check = c.k.heldIo.remove(0);
            check.run();
            c.k.awaitScreen(Screen.AUTO_TOPUP_SUBMITTING);
        });
        RECIPES.put(Screen.AUTO_TOPUP_DONE, c -> {
            RECIPES.get(Screen.OTP_ENTRY).drive(c);
            c.k.type(lastCode(c));
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.AUTO_TOPUP_DONE);
        });
        RECIPES.put(Screen.HISTORY_LIST, c -> {
            c.service(Service.HISTORY);
            c.k.cmd(new Clear());
            c.k.type("9161234567");
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.OTP_ENTRY);
            c.k.type(lastCode(c));
            c.k.cmd(new Next());
            c.k.awaitScreen(Screen.HISTORY_LIST);
        });
        RECIPES.put(Screen.OUT_OF_SERVICE, c -> {
            c.k.acceptor.raise(new BillEvent.Fault("cassette_removed", true));
            c.k.exec.runPending();
        });
        RECIPES.put(Screen.SERVICE_LOCK, c -> c.k.cmd(new Lock("service")));
        RECIPES.put(Screen.GOODS_OPERATOR, c -> c.service(Service.EPIN));
        RECIPES.put(Screen.GOODS_LOADING, c -> {
            c.service(Service.EPIN);
            c.k.holdIo = true;
            c.k.cmd(new ChooseOperator("mts"));
        });
        RECIPES.put(Screen.GOODS_LIST, c -> {
            c.service(Service.EPIN);
            c.k.cmd(new ChooseOperator("mts"));
            c.k.awaitScreen(Screen.GOODS_LIST);
        });
        RECIPES.put(Screen.ESIM_DEVICE, c -> {
            c.service(Service.ESIM);
            c.k.cmd(new ChooseOperator("mts"));
            c.k.awaitScreen(Screen.GOODS_LIST);
            c.k.cmd(new ChooseProduct("mts-esim-tourist-7d"));
        });
        RECIPES.put(Screen.GOODS_DETAILS, c -> {
            RECIPES.get(Screen.GOODS_LIST).drive(c);
            c.k.cmd(new ChooseProduct("mts-epin-300"));
        });
        RECIPES.put(Screen.GOODS_DONE, c -> {
            RECIPES.get(Screen.GOODS_DETAILS).drive(c);
            c.k.cmd(new Next());
            c.k.insert(500, "g1");
            c.k.cmd(new Pay(), new Confirm());
            c.k.drain();
            c.k.awaitScreen(Screen.GOODS_DONE);
        });
    }

    private static String lastCode(Cell c) {
        var inbox = c.k.sim.otp().inbox(AccountServicesFlowTest.PHONE);
        var m = Pattern.compile("(\\d{6})").matcher(inbox.get(inbox.size() - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        for (Screen s : Screen.values()) {
            for (Event e : Event.values()) {
                all.add(Arguments.of(s, e));
            }
        }
        return all.stream();
    }

    @Test
    void everyScreenHasARecipe() {
        assertThat(RECIPES.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Screen.class));
    }

    private static final AtomicInteger NOTES = new AtomicInteger();

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cells")
    void everyMoneyEventEndsInAnOrderOrOnPaper(Screen screen, Event event) throws Exception {
        Path cellDir = Files.createTempDirectory(dir, screen + "-" + event);
        try (Cell c = new Cell(cellDir)) {
            FlowFixture k = c.k;
            if (event == Event.CONFIRMATION || event == Event.REFUSAL) {
                earlierCustomerPending(k);
            }
            RECIPES.get(screen).drive(c);
            assertThat(k.snap().screen()).as("the recipe reaches %s", screen).isEqualTo(screen);
            fire(k, event);
            c.release();
            PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, screen + " x " + event);
            assertThat(k.journal.openCreditsNotOnPaper()).as("%s x %s: credits on no paper", screen, event).isEmpty();
        }
    }

    /** A payment of an earlier customer the carrier did not answer in time: pending, its claim receipt printed. */
    private static void earlierCustomerPending(FlowFixture k) throws Exception {
        k.toCashInsertion("9161234567", "200");
        k.insert(200, "p1");
        k.cmd(new Pay(), new Confirm());
        k.sim.faults().next(1, Fault.httpError(503), "/v1/payments");
        k.drain();
        k.exec.advance(k.settings.submitWait());
        k.awaitScreen(Screen.DONE);
        k.await(s -> k.journal.recentReceipts(5).stream().anyMatch(r -> r.printed()));
        k.cmd(new Finish());
        Thread.sleep(3);   // the outbox's retry is due
    }

    private static void fire(FlowFixture k, Event event) throws Exception {
        String id = "late-" + NOTES.incrementAndGet();
        switch (event) {
            case STACKED -> k.acceptor.raise(new BillEvent.Stacked(Money.rub(100), id));
            case POWER_UP_WITH_NOTE -> k.acceptor.raise(new BillEvent.PowerUpWithBill(
                    BillEvent.PowerUpWithBill.Location.STACKER, Money.rub(50), id));
            case CONFIRMATION -> k.drain();
            case REFUSAL -> {
                k.sim.faults().next(5, Fault.refuse("account-blocked"), "/v1/payments");
                k.drain();
            }
            case TIMEOUT -> k.exec.advance(k.settings.carrierCheckTimeout());
            case DOOR -> k.flow.cabinetEvent(new CabinetEvent.DoorOpened());
            case LOCK -> k.flow.submit(new Lock("service"));
            case INACTIVITY -> k.exec.advance(k.settings.inactivityWarning().plus(k.settings.inactivityCountdown())
                    .plusSeconds(1));
        }
        k.exec.runPending();
    }
}
