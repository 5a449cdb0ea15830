package org.topupkiosk;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md ("Layers"), run on the compiled main classes so a backward import fails the build
 * the day it is written. Each layer lists what of ours it may use; everything outside org.topupkiosk (the JDK,
 * libraries) is free.
 */
class LayersTest {

    private static final String OURS = "org.topupkiosk..";

    /** The device ports the flow drives: the top-level device packages, never a protocol or an emulator below them. */
    private static final String[] DEVICE_PORTS = {"org.topupkiosk.device", "org.topupkiosk.device.cash",
            "org.topupkiosk.device.printer", "org.topupkiosk.device.scanner", "org.topupkiosk.device.sim",
            "org.topupkiosk.device.gpio", "org.topupkiosk.device.fiscal"};

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.topupkiosk");
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        layer("domain").check(main);
    }

    @Test
    void journalDependsOnlyOnDomain() {
        layer("journal", "org.topupkiosk.domain..").check(main);
    }

    @Test
    void carrierDependsOnlyOnDomain() {
        layer("carrier", "org.topupkiosk.domain..").check(main);
    }

    @Test
    void devicesDependOnlyOnDomain() {
        layer("device", "org.topupkiosk.domain..").check(main);
    }

    @Test
    void i18nDependsOnlyOnDomain() {
        layer("i18n", "org.topupkiosk.domain..").check(main);
    }

    /** Receipts are composed from what the journal recorded (orders, credits, goods) and the carrier's catalog entries. */
    @Test
    void receiptsDependOnTheJournalsRecordsAndTexts() {
        layer("receipt", "org.topupkiosk.domain..", "org.topupkiosk.i18n..", "org.topupkiosk.journal..",
                "org.topupkiosk.carrier").check(main);
    }

    @Test
    void syncDependsOnJournalTheCarrierPortAndDomain() {
        layer("sync", "org.topupkiosk.journal..", "org.topupkiosk.carrier", "org.topupkiosk.domain..").check(main);
    }

    @Test
    void configDependsOnDomainAndDeviceSettings() {
        layer("config", concat(DEVICE_PORTS, "org.topupkiosk.domain..")).check(main);
    }

    @Test
    void flowDependsOnTheLayersBelowAndDevicePortsOnly() {
        layer("flow", concat(DEVICE_PORTS, "org.topupkiosk.domain..", "org.topupkiosk.journal..", "org.topupkiosk.sync",
                "org.topupkiosk.carrier", "org.topupkiosk.receipt..", "org.topupkiosk.i18n..")).check(main);
    }

    /**
     * Screens bind to the flow's snapshots and send its commands: records, enums and interfaces of the flow, never its
     * classes (the state machines, desks and services). Values of the domain (money, the language) are shown as they
     * are.
     */
    @Test
    void uiSeesOnlyTheFlowsSnapshotsAndCommands() {
        DescribedPredicate<JavaClass> flowApi = describe("a record, enum or interface of the flow",
                c -> c.getPackageName().startsWith("org.topupkiosk.flow")
                        && (c.isRecord() || c.isEnum() || c.isInterface()
                        || c.getEnclosingClass().map(e -> e.isRecord() || e.isEnum() || e.isInterface()).orElse(false)));
        ArchRule rule = classes().that().resideInAPackage("org.topupkiosk.ui..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                        .or(resideInAnyPackage("org.topupkiosk.ui..", "org.topupkiosk.i18n..", "org.topupkiosk.domain.."))
                        .or(flowApi));
        rule.check(main);
    }

    /** The embedded carrier and the REST adapter are two sides of one wire format; neither uses the other. */
    @Test
    void simulatorAndRestAdapterShareOnlyTheWireFormat() {
        classes().that().resideInAPackage("org.topupkiosk.carrier.simulator..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.topupkiosk.carrier.rest..")).check(main);
        classes().that().resideInAPackage("org.topupkiosk.carrier.rest..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.topupkiosk.carrier.simulator..")).check(main);
    }

    /**
     * The health endpoint observes the kiosk from beside the flow: the journal, the device ports, the flow's executor
     * (its heartbeat); the app wires it to the running flow, and kioskctl only speaks HTTP to it.
     */
    @Test
    void healthEndpointReadsTheJournalDevicesAndFlowThreadOnly() {
        layer("health", concat(DEVICE_PORTS, "org.topupkiosk.domain..", "org.topupkiosk.journal..",
                "org.topupkiosk.flow.core")).check(main);
    }

    /** The fleet's wire (topics, messages, the command signature) is shared by the kiosk and the office: pure. */
    @Test
    void fleetWireDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("org.topupkiosk.fleet")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                        .or(resideInAnyPackage("org.topupkiosk.fleet", "org.topupkiosk.domain..")))
                .check(main);
    }

    /** The office runs off the kiosk: it knows the fleet's wire and nothing of the kiosk's insides. */
    @Test
    void officeKnowsOnlyTheFleetWire() {
        layer("fleet.office", "org.topupkiosk.fleet", "org.topupkiosk.domain..").check(main);
    }

    /**
     * The kiosk's fleet agent reads what the health endpoint reads (journal, device ports, the flow's thread) and its
     * configuration, and drives the kiosk through a port the app implements.
     */
    @Test
    void kioskAgentReadsTheKioskLikeTheHealthEndpoint() {
        layer("fleet.kiosk", concat(DEVICE_PORTS, "org.topupkiosk.fleet", "org.topupkiosk.domain..",
                "org.topupkiosk.journal..", "org.topupkiosk.health..", "org.topupkiosk.flow.core",
                "org.topupkiosk.config..", "org.topupkiosk.i18n..")).check(main);
    }

    /** The service menu's back end (PINs, the console, device tests) serves the app and kioskctl and uses neither. */
    @Test
    void serviceBackEndSitsBelowAppAndKioskctl() {
        noClasses().that().resideInAPackage("org.topupkiosk.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.topupkiosk.app..", "org.topupkiosk.ops..",
                        "org.topupkiosk.ui..").check(main);
    }

    @Test
    void noCyclesBetweenPackagesOrSubPackages() {
        slices().matching("org.topupkiosk.(**)").should().beFreeOfCycles().check(main);
    }

    /** A class that passes 500 lines has more than one job (STYLE.md, habit 3); the aim is 300. */
    @Test
    void noClassOverFiveHundredLines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines > 500) {
                    tooLong.put(f.toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("classes over 500 lines").isEmpty();
    }

    /**
     * Classes in {@code org.topupkiosk.<name>} and below may use, of ours, only their own layer and {@code allowed}
     * (ArchUnit package syntax: {@code a.b} is that package alone, {@code a.b..} takes its sub-packages too).
     */
    private static ArchRule layer(String name, String... allowed) {
        String own = "org.topupkiosk." + name + "..";
        List<String> packages = Stream.concat(Stream.of(own), Stream.of(allowed)).toList();
        return classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                        .or(resideInAnyPackage(packages.toArray(String[]::new))))
                .because(name + " may use only " + String.join(", ", packages));
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
