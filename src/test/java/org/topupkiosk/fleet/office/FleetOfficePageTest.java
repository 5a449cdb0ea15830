package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.topupkiosk.fleet.office.FleetSamples.inService;
import static org.topupkiosk.fleet.office.FleetSamples.json;
import static org.topupkiosk.fleet.office.FleetSamples.payment;
import static org.topupkiosk.fleet.office.FleetSamples.state;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The office page in Debian's headless Chromium (Selenium, the system chromedriver: nothing is downloaded), against the
 * real web server and a real Mosquitto with a few fake kiosks: rows come live through server-sent events, a state
 * change updates its row without a reload, the filters work, the detail view opens, and "out of service" with a
 * reason publishes a command the kiosk verifies with the office's public key. Screenshots go to
 * target/screenshots/fleet/.
 */
class FleetOfficePageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots/fleet");

    @TempDir
    Path dir;
    private final FleetTopics topics = FleetTopics.standard();
    private final KeyPair keys = FleetKeys.generate();
    private final List<FakeKiosk> kiosks = new ArrayList<>();
    private MosquittoBroker broker;
    private FleetOffice office;
    private OfficeWeb web;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed (CI installs it)");
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        FleetBoard board = new FleetBoard(topics, Clock.systemUTC(), Duration.ofSeconds(60),
                FleetBoard.Limits.standard());
        office = new FleetOffice(BrokerSettings.anonymous(broker.url()), topics, board, keys.getPrivate(),
                Clock.systemUTC(), FleetOffice.DEFAULT_COMMAND_TTL);
        office.start(Duration.ofSeconds(10));
        web = new OfficeWeb(board, office, office::connected, new InetSocketAddress("127.0.0.1", 0),
                OfficeWeb.DEFAULT_BATCH);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000",
                "--lang=en-GB");
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class); // rows are re-rendered as events arrive
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        for (FakeKiosk k : kiosks) {
            k.close();
        }
        if (web != null) {
            web.close();
        }
        if (office != null) {
            office.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private FakeKiosk kiosk(String id) throws Exception {
        FakeKiosk k = new FakeKiosk(broker.url(), topics, id);
        kiosks.add(k);
        return k;
    }

    @Test
    void theOperatorWatchesFiltersOpensAKioskAndTakesItOutOfService() throws Exception {
        Instant now = Instant.now();
        FakeKiosk k1 = kiosk("msk-001");
        k1.publishState(inService("msk-001", 120, now));
        k1.publish(topics.events("msk-001"), json(payment("msk-001", "ev-1", 50_000, now.minusSeconds(40))), false);
        k1.publish(topics.events("msk-001"), json(payment("msk-001", "ev-2", 25_000, now.minusSeconds(5))), false);
        FakeKiosk k2 = kiosk("msk-002");
        k2.publishState(new StateMessage("msk-002", true, StateMessage.OUT_OF_SERVICE, "paper_out",
                List.of(new StateMessage.Device("printer", "FAILED", "no paper"),
                        new StateMessage.Device("bill_acceptor", "OK", null)), "out",
                new StateMessage.CashBox(480, 9_600_000, "RUB", 96), new StateMessage.Outbox(3, 420),
                FleetSamples.mark("real", 77), FleetSamples.anchors("real", 77), now.minusSeconds(600),
                List.of("cash_box_full"), "1.4.0", now));
        FakeKiosk k3 = kiosk("spb-010");
        k3.publishState(inService("spb-010", 40, now));
        k3.publishState(state("spb-010", StateMessage.IN_SERVICE, null, 41, "forged", now)); // history rewritten

        driver.get("http://127.0.0.1:" + web.port() + "/");
        ((JavascriptExecutor) driver).executeScript("window.sameLoad = 'yes';");
        wait.until(d -> d.findElements(By.cssSelector("#kiosks tbody tr")).size() == 3);
        wait.until(d -> cell("msk-002", "mode").getText().contains("Out of service")
                && cell("msk-002", "mode").getText().contains("paper_out")
                && cell("spb-010", "alarms").getText().contains("Audit alarm")
                && cell("msk-002", "alarms").getText().contains("Cash box nearly full")
                && cell("msk-001", "payment").getText().contains("250"));

        k1.publishState(state("msk-001", StateMessage.SERVICE, null, 121, "real", Instant.now()));
        wait.until(d -> "service".equals(row("msk-001").getAttribute("data-mode")));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.sameLoad;"))
                .as("updated without a reload").isEqualTo("yes");

        driver.findElement(By.id("filter-text")).sendKeys("spb");
        wait.until(d -> visibleIds().equals(List.of("spb-010")));
        driver.findElement(By.id("filter-text")).clear();
        driver.findElement(By.id("filter-text")).sendKeys(" ");   // an input event after clear()
        wait.until(d -> visibleIds().size() == 3);
        new Select(driver.findElement(By.id("filter-mode"))).selectByValue("not_in_service");
        wait.until(d -> visibleIds().equals(List.of("msk-001", "msk-002")));
        new Select(driver.findElement(By.id("filter-mode"))).selectByValue("all");
        driver.findElement(By.id("filter-alarms")).click();
        wait.until(d -> visibleIds().equals(List.of("msk-002", "spb-010")));
        driver.findElement(By.id("filter-alarms")).click();
        wait.until(d -> visibleIds().size() == 3);
        driver.findElement(By.cssSelector("th[data-sort='cashBox']")).click();
        wait.until(d -> visibleIds().get(2).equals("msk-002"));
        driver.findElement(By.cssSelector("th[data-sort='cashBox']")).click();
        wait.until(d -> visibleIds().get(0).equals("msk-002"));
        driver.findElement(By.cssSelector("th[data-sort='kioskId']")).click();
        wait.until(d -> visibleIds().equals(List.of("msk-001", "msk-002", "spb-010")));
        shot("office.png");

        clickRow("spb-010");
        WebElement ack = wait.until(d -> {
            WebElement e = d.findElement(By.id("audit-ack"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(driver.findElement(By.id("audit-text")).getText()).contains("changed from");
        ack.click();
        wait.until(d -> !d.findElement(By.id("audit-box")).isDisplayed()
                && !cell("spb-010", "alarms").getText().contains("Audit alarm"));

        clickRow("msk-001");
        wait.until(d -> d.findElement(By.id("detail")).isDisplayed()
                && d.findElements(By.cssSelector("#detail-events tr[data-event]")).size() == 2);
        assertThat(driver.findElement(By.id("detail-title")).getText()).contains("msk-001");
        driver.findElement(By.id("cmd-out_of_service")).click();
        WebElement reason = wait.until(d -> {
            WebElement e = d.findElement(By.id("reason-text"));
            return e.isDisplayed() ? e : null;
        });
        reason.sendKeys("Encashment in progress");
        driver.findElement(By.id("reason-send")).click();
        byte[] arrived = k1.commands.poll(15, TimeUnit.SECONDS);
        assertThat(arrived).as("the command reached the kiosk's subscription").isNotNull();
        CommandMessage c = FleetJson.read(arrived, CommandMessage.class);
        assertThat(FleetKeys.verify(c, keys.getPublic())).isTrue();
        assertThat(c.type()).isEqualTo(CommandMessage.OUT_OF_SERVICE);
        assertThat(c.args()).containsEntry("reason", "Encashment in progress");
        wait.until(d -> d.findElement(By.id("cmd-message")).getText().contains(c.id()));
        wait.until(d -> !d.findElements(By.cssSelector("#detail-commands tr[data-command='" + c.id() + "']")).isEmpty());
        shot("office-detail.png");

        driver.findElement(By.cssSelector(".lang[data-lang='ru']")).click();
        wait.until(d -> d.findElement(By.cssSelector("th[data-sort='paper']")).getText().equals("Бумага"));
        driver.findElement(By.cssSelector(".lang[data-lang='zh']")).click();
        wait.until(d -> d.findElement(By.cssSelector("th[data-sort='paper']")).getText().equals("纸张"));
        shot("office-detail-zh.png");
    }

    /** Clicks a row, again if the table was re-rendered between finding and clicking it. */
    private void clickRow(String id) {
        wait.until(d -> {
            row(id).click();
            return true;
        });
    }

    private WebElement row(String id) {
        return driver.findElement(By.id("row-" + id));
    }

    private WebElement cell(String id, String column) {
        return row(id).findElement(By.cssSelector("td." + column));
    }

    private List<String> visibleIds() {
        List<String> ids = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#kiosks tbody tr"))) {
            ids.add(tr.getAttribute("data-id"));
        }
        return ids;
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
