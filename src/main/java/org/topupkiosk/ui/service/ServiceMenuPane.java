package org.topupkiosk.ui.service;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.OutboxStatus;
import org.topupkiosk.journal.VerifyReport;
import org.topupkiosk.ops.ServiceConsole;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/**
 * The service menu: large buttons above, the chosen section's result in a card below. Each section asks the
 * {@link ServiceConsole} and shows the record it answers; a newer request makes an older answer stale.
 */
final class ServiceMenuPane extends VBox {

    private static final int MAX_ROWS = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final ServiceConsole console;
    private final Executor fx;
    private final VBox detail = new VBox();
    private final Label hint = Ui.label("hint");
    private final List<Button> buttons = new ArrayList<>();
    private final List<String> buttonKeys = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private Texts texts;
    private Function<Texts, List<Node>> section = t -> List.of();
    private long generation;

    ServiceMenuPane(ServiceConsole console, Executor fx, Runnable backToCustomers) {
        this.console = console;
        this.fx = fx;
        getStyleClass().addAll("column", "service-menu");
        setAlignment(Pos.TOP_CENTER);
        grid.getStyleClass().add("service-grid");
        grid.setAlignment(Pos.CENTER);
        add(grid, 0, "service-devices", ServiceKeys.MENU_DEVICES, this::showDevices);
        add(grid, 1, "service-outbox", ServiceKeys.MENU_OUTBOX, this::showOutbox);
        add(grid, 2, "service-journal", ServiceKeys.MENU_JOURNAL, this::showJournal);
        add(grid, 3, "service-printer", ServiceKeys.MENU_PRINTER, this::showPrinter);
        add(grid, 4, "service-receipts", ServiceKeys.MENU_RECEIPTS, this::showReceipts);
        add(grid, 5, "service-encashment", ServiceKeys.MENU_ENCASHMENT, this::showEncashment);
        add(grid, 6, "service-back", ServiceKeys.BACK_TO_CUSTOMERS, backToCustomers).getStyleClass().add("primary");
        add(grid, 7, "service-exit", ServiceKeys.MENU_EXIT, this::askExit).getStyleClass().add("danger");
        detail.setId("service-detail");
        detail.getStyleClass().addAll("card", "service-detail");
        VBox.setVgrow(detail, Priority.ALWAYS);
        getChildren().addAll(hint, grid, detail);
    }

    private Button add(GridPane grid, int index, String id, String key, Runnable action) {
        Button b = Ui.button(id, "service-button");
        b.setOnAction(e -> action.run());
        b.setMaxWidth(Double.MAX_VALUE);
        b.setUserData(index);
        grid.add(b, index % 2, index / 2);
        buttons.add(b);
        buttonKeys.add(key);
        return b;
    }

    /** Two columns of buttons when tall, four when wide (the section below gets the height back). */
    void setLandscape(boolean landscape) {
        int columns = landscape ? 4 : 2;
        grid.getChildren().clear();
        for (Button b : buttons) {
            int index = (Integer) b.getUserData();
            grid.add(b, index % columns, index / columns);
        }
    }

    /** Back to the menu's first look (after a login). */
    void reset() {
        show(t -> List.of());
    }

    void update(Texts t) {
        texts = t;
        hint.setText(t.get(ServiceKeys.MENU_HINT));
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setText(t.get(buttonKeys.get(i)));
        }
        render();
    }

    private void show(Function<Texts, List<Node>> s) {
        section = s;
        render();
    }

    private void render() {
        if (texts != null) {
            detail.getChildren().setAll(section.apply(texts));
        }
    }

    /** Shows "working" now and {@code view} of the answer when it comes, unless another section was chosen since. */
    private <T> void load(CompletableFuture<T> call, BiConsumer<T, List<Node>> view) {
        long mine = ++generation;
        show(t -> List.of(text("body", t.get(ServiceKeys.WORKING))));
        call.whenCompleteAsync((value, err) -> {
            if (mine != generation) {
                return;
            }
            if (err != null) {
                Throwable cause = err.getCause() != null ? err.getCause() : err;
                show(t -> List.of(text("service-bad", t.get(ServiceKeys.FAILED, String.valueOf(cause.getMessage())))));
            } else {
                show(t -> {
                    List<Node> nodes = new ArrayList<>();
                    view.accept(value, nodes);
                    return nodes;
                });
            }
        }, fx);
    }

    // Sections

    /** Health of each device now, and the newest device events the flow journaled (power-ups with a note, faults). */
    private record DeviceReport(List<DeviceHealth> health, List<AuditEntry> events) {}

    private void showDevices() {
        load(console.devices().thenCombine(console.deviceEvents(), DeviceReport::new), (r, out) -> {
            for (DeviceHealth d : r.health()) {
                Label state = text("service-state", stateText(d.state()));
                Ui.styleIf(state, "service-good", d.state() == DeviceHealth.State.OK);
                Ui.styleIf(state, "service-bad", !d.usable());
                Ui.styleIf(state, "service-warn", d.state() == DeviceHealth.State.DEGRADED);
                Label name = text("service-row-title", deviceName(d.device()));
                HBox row = new HBox(name, spacer(), state);
                if (console.deviceTests().contains(d.device())) {
                    Button test = Ui.button("service-test-" + d.device(), "bar-button");
                    test.setText(texts.get(ServiceKeys.DEVICE_TEST_RUN));
                    test.setOnAction(e -> runDeviceTest(d.device()));
                    row.getChildren().add(test);
                }
                row.getStyleClass().add("service-row");
                row.setId("service-device-" + d.device());
                out.add(row);
                out.add(text("service-code", d.detail()));
            }
            if (console.canPowerCycle()) {
                out.add(action("service-power-cycle", ServiceKeys.DEVICE_POWER_CYCLE, this::powerCycle));
            }
            if (!r.events().isEmpty()) {
                Label title = text("service-row-title", texts.get(ServiceKeys.DEVICE_EVENTS));
                title.setId("service-device-events");
                out.add(title);
                for (AuditEntry e : r.events()) {
                    out.add(text("service-code", TIME.format(e.at().atZone(ZoneId.systemDefault())) + "  " + e.kind()
                            + (e.txnId() == null ? "" : "  " + e.txnId()) + "  " + e.dataJson()));
                }
            }
        });
    }

    private void powerCycle() {
        load(console.powerCycleAcceptor(), (ok, out) -> {
            Label result = ok ? text("service-good", texts.get(ServiceKeys.DEVICE_POWER_CYCLED))
                    : text("service-bad", texts.get(ServiceKeys.DEVICE_POWER_CYCLE_REFUSED));
            result.setId("service-power-cycle-result");
            out.add(result);
            out.add(action("service-devices-again", ServiceKeys.MENU_DEVICES, this::showDevices));
        });
    }

    /**
     * One device's test: its lines appear as they come (the acceptor's notes as they are inserted), then the verdict
     * and "run again". Leaving the section lets the test finish unseen.
     */
    private void runDeviceTest(String device) {
        long mine = ++generation;
        List<String> lines = new ArrayList<>();
        Boolean[] verdict = new Boolean[1];
        Runnable redraw = () -> show(t -> {
            List<Node> out = new ArrayList<>();
            Label title = text("service-row-title", t.get(verdict[0] == null ? ServiceKeys.DEVICE_TEST_RUNNING
                    : verdict[0] ? ServiceKeys.DEVICE_TEST_PASSED : ServiceKeys.DEVICE_TEST_FAILED, deviceName(device)));
            title.setWrapText(true);
            title.setId("service-test-verdict");
            Ui.styleIf(title, "service-good", Boolean.TRUE.equals(verdict[0]));
            Ui.styleIf(title, "service-bad", Boolean.FALSE.equals(verdict[0]));
            out.add(title);
            if (verdict[0] == null && "bill-acceptor".equals(device)) {
                Label hint = text("body", t.get(ServiceKeys.DEVICE_TEST_ACCEPTOR_HINT));
                hint.setWrapText(true);
                out.add(hint);
            }
            for (String line : lines.subList(Math.max(0, lines.size() - MAX_ROWS), lines.size())) {
                Label l = text("service-code", line);
                l.setWrapText(true);
                out.add(l);
            }
            if (verdict[0] != null) {
                out.add(action("service-test-again", ServiceKeys.DEVICE_TEST_AGAIN, () -> runDeviceTest(device)));
            }
            return out;
        });
        redraw.run();
        console.runDeviceTest(device, texts.lang(), line -> fx.execute(() -> {
            if (mine == generation) {
                lines.add(line);
                redraw.run();
            }
        })).whenCompleteAsync((passed, err) -> {
            if (mine == generation) {
                verdict[0] = err == null && Boolean.TRUE.equals(passed);
                if (err != null) {
                    lines.add(String.valueOf(err.getCause() != null ? err.getCause() : err));
                }
                redraw.run();
            }
        }, fx);
    }

    private void showOutbox() {
        load(console.outbox(), this::outbox);
    }

    private void outbox(OutboxStatus s, List<Node> out) {
        out.add(text("service-row-title", texts.get(ServiceKeys.OUTBOX_PENDING, s.pendingCount())));
        Label pending = (Label) out.get(out.size() - 1);
        pending.setId("service-outbox-pending");
        if (s.pendingCount() > 0) {
            out.add(text("body", texts.get(ServiceKeys.OUTBOX_OLDEST, hms(s.oldestPendingAge()))));
            out.add(text("body", texts.get(ServiceKeys.OUTBOX_ATTEMPTS, s.maxAttempts())));
        }
        if (s.lastError() != null) {
            out.add(text("service-code", texts.get(ServiceKeys.OUTBOX_LAST_ERROR, s.lastError())));
        }
        Button sync = Ui.button("service-sync", "bar-button", "primary");
        sync.setText(texts.get(ServiceKeys.OUTBOX_SYNC));
        sync.setOnAction(e -> load(console.syncNow(), (after, o) -> {
            o.add(text("service-good", texts.get(ServiceKeys.OUTBOX_SYNC_STARTED)));
            outbox(after, o);
        }));
        out.add(sync);
    }

    private void showJournal() {
        load(console.verify(), (VerifyReport r, List<Node> out) -> {
            Label verdict = r.ok() ? text("service-good", texts.get(ServiceKeys.JOURNAL_OK))
                    : text("service-bad", texts.get(ServiceKeys.JOURNAL_VIOLATIONS, r.violations().size()));
            verdict.setId("service-journal-verdict");
            out.add(verdict);
            out.add(text("service-code", r.summary()));
            r.violations().stream().limit(MAX_ROWS).forEach(v -> out.add(text("service-code", v.toString())));
            out.add(action("service-journal-run", ServiceKeys.JOURNAL_RUN, this::showJournal));
        });
    }

    private void showPrinter() {
        show(t -> List.of(action("service-print-test", ServiceKeys.PRINTER_RUN, this::printTest)));
    }

    private void printTest() {
        load(console.printTest(texts.lang()), (ok, out) -> {
            Label result = ok ? text("service-good", texts.get(ServiceKeys.PRINTER_PRINTED))
                    : text("service-bad", texts.get(ServiceKeys.PRINTER_FAILED));
            result.setId("service-printer-result");
            out.add(result);
            out.add(action("service-print-test", ServiceKeys.PRINTER_RUN, this::printTest));
        });
    }

    private void showReceipts() {
        showReceipts(null);
    }

    /** The list, with the outcome of the last reprint above it when there was one. */
    private void showReceipts(Label outcome) {
        load(console.receipts(), (ServiceConsole.Receipts r, List<Node> out) -> {
            if (outcome != null) {
                out.add(outcome);
            }
            out.add(text("service-row-title", texts.get(ServiceKeys.RECEIPTS_UNPRINTED)));
            rows(r.unprinted(), out);
            out.add(text("service-row-title", texts.get(ServiceKeys.RECEIPTS_RECENT)));
            rows(r.recent().subList(0, Math.min(r.recent().size(), Math.max(2, MAX_ROWS - r.unprinted().size()))), out);
        });
    }

    private void rows(List<ServiceConsole.ReceiptRow> rows, List<Node> out) {
        if (rows.isEmpty()) {
            out.add(text("hint", texts.get(ServiceKeys.RECEIPTS_NONE)));
        }
        for (ServiceConsole.ReceiptRow row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            String when = TIME.format(row.createdAt().atZone(ZoneId.systemDefault()));
            Label what = text("service-code", row.receiptId() + "\n" + when);
            HBox.setHgrow(what, Priority.ALWAYS);
            what.setMaxWidth(Double.MAX_VALUE);
            Button reprint = Ui.button("service-reprint-" + row.receiptId(), "bar-button");
            reprint.setText(texts.get(ServiceKeys.RECEIPTS_REPRINT));
            reprint.setOnAction(e -> reprint(row.receiptId()));
            HBox line = new HBox(what, reprint);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("service-row");
            out.add(line);
        }
    }

    private void reprint(String receiptId) {
        long mine = ++generation;
        show(t -> List.of(text("body", t.get(ServiceKeys.WORKING))));
        console.reprint(receiptId).whenCompleteAsync((ok, err) -> {
            if (mine != generation) {
                return;
            }
            boolean printed = err == null && Boolean.TRUE.equals(ok);
            Label outcome = printed ? text("service-good", texts.get(ServiceKeys.RECEIPTS_PRINTED, receiptId))
                    : text("service-bad", texts.get(ServiceKeys.RECEIPTS_NOT_PRINTED, receiptId));
            outcome.setId("service-reprint-result");
            showReceipts(outcome);
        }, fx);
    }

    /** The cash box count by denomination, then "take the cash" behind a confirmation; the report prints after. */
    private void showEncashment() {
        showEncashment(null);
    }

    /** {@code outcome} is built per language, so switching language keeps the whole section in one language. */
    private void showEncashment(Function<Texts, Label> outcome) {
        load(console.cashBox().thenCombine(console.lastEncashment(), EncashmentView::new), (v, out) -> {
            if (outcome != null) {
                out.add(outcome.apply(texts));
            }
            Encashment count = v.count();
            Label since = text("service-row-title", v.last() == null ? texts.get(ServiceKeys.ENCASH_NEVER)
                    : texts.get(ServiceKeys.ENCASH_SINCE, v.last().id(),
                    TIME.format(v.last().at().atZone(ZoneId.systemDefault()))));
            since.setWrapText(true);
            out.add(since);
            if (count.notes().isEmpty()) {
                out.add(text("body", texts.get(ServiceKeys.ENCASH_EMPTY)));
            }
            for (Encashment.NoteCount n : count.notes()) {
                Label row = text("service-note-row", texts.get(ServiceKeys.ENCASH_NOTE_ROW, n.note(), n.count(),
                        n.amount()));
                row.setId("service-note-" + n.note().wholeUnits());
                out.add(row);
            }
            Label total = text("service-total", texts.get(ServiceKeys.ENCASH_TOTAL, count.total(),
                    count.noteCount()));
            total.setId("service-encashment-total");
            out.add(total);
            // One button a row: the Russian labels are long, and a cut label on a money action is not acceptable.
            Button run = action("service-encash", ServiceKeys.ENCASH_RUN, this::askEncash);
            run.setMaxWidth(Double.MAX_VALUE);
            VBox actions = new VBox(run);
            if (v.last() != null) {
                Button again = Ui.button("service-encash-reprint", "bar-button");
                again.setText(texts.get(ServiceKeys.ENCASH_REPRINT));
                again.setOnAction(e -> reprintEncashment());
                again.setMaxWidth(Double.MAX_VALUE);
                actions.getChildren().add(again);
            }
            actions.getStyleClass().add("service-actions");
            actions.setFillWidth(true);
            out.add(actions);
        });
    }

    private record EncashmentView(Encashment count, Encashment last) {}

    private void askEncash() {
        generation++;
        show(t -> {
            Button no = Ui.button("service-encash-cancel", "bar-button");
            no.setText(t.get(ServiceKeys.CANCEL));
            no.setOnAction(e -> showEncashment());
            Button yes = Ui.button("service-encash-confirm", "bar-button", "primary");
            yes.setText(t.get(ServiceKeys.ENCASH_CONFIRM));
            yes.setOnAction(e -> encash());
            HBox row = new HBox(no, spacer(), yes);
            row.getStyleClass().add("service-actions");
            Label body = text("body", t.get(ServiceKeys.ENCASH_CONFIRM_BODY));
            body.setWrapText(true);
            return List.of(text("title", t.get(ServiceKeys.MENU_ENCASHMENT)), body, row);
        });
    }

    private void encash() {
        long mine = ++generation;
        show(t -> List.of(text("body", t.get(ServiceKeys.WORKING))));
        console.encash(texts.lang(), "service menu").whenCompleteAsync((done, err) -> {
            if (mine == generation) {
                showEncashment(encashOutcome(done, err));
            }
        }, fx);
    }

    private void reprintEncashment() {
        long mine = ++generation;
        show(t -> List.of(text("body", t.get(ServiceKeys.WORKING))));
        console.reprintEncashment(texts.lang()).whenCompleteAsync((done, err) -> {
            if (mine == generation) {
                showEncashment(err == null && done.isEmpty() ? t -> text("service-warn", t.get(ServiceKeys.ENCASH_NONE_YET))
                        : encashOutcome(done == null ? null : done.get(), err));
            }
        }, fx);
    }

    private static Function<Texts, Label> encashOutcome(ServiceConsole.Encashed done, Throwable err) {
        return t -> {
            Label l;
            if (err != null) {
                Throwable cause = err.getCause() != null ? err.getCause() : err;
                l = text("service-bad", t.get(ServiceKeys.FAILED, String.valueOf(cause.getMessage())));
            } else if (done.printed()) {
                l = text("service-good", t.get(ServiceKeys.ENCASH_DONE, done.encashment().id(),
                        done.encashment().total()));
            } else {
                l = text("service-bad", t.get(ServiceKeys.ENCASH_NOT_PRINTED));
            }
            l.setWrapText(true);
            l.setId("service-encash-result");
            return l;
        };
    }

    private void askExit() {
        generation++;
        show(t -> {
            Button no = Ui.button("service-exit-cancel", "bar-button");
            no.setText(t.get(ServiceKeys.CANCEL));
            no.setOnAction(e -> reset());
            Button yes = Ui.button("service-exit-confirm", "bar-button", "danger");
            yes.setText(t.get(ServiceKeys.EXIT_CONFIRM));
            yes.setOnAction(e -> console.exitApplication());
            HBox buttonsRow = new HBox(no, spacer(), yes);
            buttonsRow.getStyleClass().add("service-actions");
            return List.of(text("title", t.get(ServiceKeys.EXIT_TITLE)), text("body", t.get(ServiceKeys.EXIT_BODY)),
                    buttonsRow);
        });
    }

    // Helpers

    private String stateText(DeviceHealth.State s) {
        return texts.get(switch (s) {
            case OK -> ServiceKeys.DEVICE_OK;
            case DEGRADED -> ServiceKeys.DEVICE_DEGRADED;
            case FAILED -> ServiceKeys.DEVICE_FAILED;
            case OFFLINE -> ServiceKeys.DEVICE_OFFLINE;
        });
    }

    private String deviceName(String device) {
        if ("printer".equals(device)) {
            return texts.get(ServiceKeys.DEVICE_PRINTER);
        }
        if ("bill-acceptor".equals(device)) {
            return texts.get(ServiceKeys.DEVICE_BILL_ACCEPTOR);
        }
        if ("gpio".equals(device)) {
            return texts.get(ServiceKeys.DEVICE_GPIO);
        }
        return device;
    }

    private Button action(String id, String key, Runnable run) {
        Button b = Ui.button(id, "bar-button", "primary");
        b.setText(texts.get(key));
        b.setOnAction(e -> run.run());
        return b;
    }

    private static Label text(String style, String s) {
        Label l = Ui.label(style);
        l.setText(s);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
