package org.topupkiosk.fleet.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Journal;

/**
 * Obeys or refuses the commands that arrive on the kiosk's command topic: each goes through the {@link CommandGate},
 * then to the kiosk through the {@link KioskPort}. Every answer (refused, waiting, done) is journaled as an audit row
 * ({@value EventMapper#COMMAND_AUDIT}, which becomes a {@code command} event for the office) and acknowledged on
 * {@code cmd/ack}. Runs on the agent's thread; never throws for what a payload holds.
 */
final class CommandDesk {

    private static final Logger log = LoggerFactory.getLogger(CommandDesk.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kioskId;
    private final CommandGate gate;
    private final KioskPort port;
    private final Journal journal;
    private final Path catalogFile;
    private final Clock clock;
    /** Sends an acknowledgement (best effort: the audit row and its event are what lasts). */
    private final Consumer<AckMessage> acks;
    /** The agent's thread, where answers from the flow thread come back to. */
    private final Executor agent;
    /** Runs after each answer: the agent turns the new audit row into an event and sends it. */
    private final Runnable answered;

    CommandDesk(String kioskId, CommandGate gate, KioskPort port, Journal journal, Path catalogFile, Clock clock,
                Consumer<AckMessage> acks, Executor agent, Runnable answered) {
        this.kioskId = kioskId;
        this.gate = gate;
        this.port = port;
        this.journal = journal;
        this.catalogFile = catalogFile;
        this.clock = clock;
        this.acks = acks;
        this.agent = agent;
        this.answered = answered;
    }

    void handle(byte[] payload) {
        CommandGate.Verdict v;
        try {
            v = gate.check(payload);
        } catch (RuntimeException e) { // the journal could not remember the id: obey nothing
            log.error("fleet command not checked: {}", e.toString());
            v = new CommandGate.Verdict("?", null, null, CommandGate.REPLAYED);
        }
        if (!v.obeyed()) {
            log.warn("fleet command refused id={} type={} reason={}", v.commandId(), v.type(), v.refusal());
            answer(v.commandId(), v.type(), AckMessage.REFUSED, v.refusal());
            return;
        }
        CommandMessage c = v.command();
        log.info("fleet command id={} type={}", c.id(), c.type());
        switch (c.type()) {
            case CommandMessage.OUT_OF_SERVICE -> port.officeHold(c.args().get("reason"),
                    progress(c, c.args().get("reason")));
            case CommandMessage.IN_SERVICE -> port.officeHold(null, progress(c, null));
            case CommandMessage.SYNC_NOW -> {
                port.syncNow();
                answer(c.id(), c.type(), AckMessage.DONE, null);
            }
            case CommandMessage.CATALOG -> catalog(c);
            default -> answer(c.id(), c.type(), AckMessage.REFUSED, CommandGate.UNKNOWN_TYPE);
        }
    }

    /** The office's text goes into the audit row too: a restart takes the kiosk out of service again with it. */
    private Consumer<KioskPort.Progress> progress(CommandMessage c, String text) {
        return p -> agent.execute(() -> answer(c.id(), c.type(),
                p == KioskPort.Progress.WAITING ? AckMessage.WAITING : AckMessage.DONE, null, text));
    }

    /**
     * What the office last ordered, from the journal: its out-of-service text when the newest obeyed
     * {@code out_of_service} / {@code in_service} was the former, else null. For the start after a restart.
     */
    static String standingHold(Journal journal) {
        for (AuditEntry row : journal.recentAudit(List.of(EventMapper.COMMAND_AUDIT), 500)) {
            JsonNode d = EventMapper.tree(row.dataJson());
            String type = d.path("type").asText();
            if (AckMessage.REFUSED.equals(d.path("status").asText())) {
                continue;
            }
            if (CommandMessage.IN_SERVICE.equals(type)) {
                return null;
            }
            if (CommandMessage.OUT_OF_SERVICE.equals(type) && d.hasNonNull("text")) {
                return d.get("text").asText();
            }
        }
        return null;
    }

    /** The catalog text goes into a file beside the configured one, is read by the catalog parser, then installed. */
    private void catalog(CommandMessage c) {
        Path tmp = catalogFile.resolveSibling(catalogFile.getFileName() + ".fleet.tmp");
        try {
            Files.writeString(tmp, c.args().get("catalog"), StandardCharsets.UTF_8);
            ConfigLoader.loadCatalog(tmp);
        } catch (ConfigException e) {
            log.warn("fleet catalog refused id={}: {}", c.id(), e.getMessage());
            deleteQuietly(tmp);
            answer(c.id(), c.type(), AckMessage.REFUSED, CommandGate.BAD_CATALOG);
            return;
        } catch (IOException | RuntimeException e) {
            log.error("fleet catalog not written id={}: {}", c.id(), e.toString());
            deleteQuietly(tmp);
            answer(c.id(), c.type(), AckMessage.REFUSED, CommandGate.BAD_CATALOG);
            return;
        }
        try {
            answer(c.id(), c.type(), AckMessage.DONE, port.installCatalog(tmp));
        } catch (RuntimeException e) {
            log.error("fleet catalog not installed id={}: {}", c.id(), e.toString());
            deleteQuietly(tmp);
            answer(c.id(), c.type(), AckMessage.REFUSED, CommandGate.BAD_CATALOG);
        }
    }

    private void answer(String id, String type, String status, String reason) {
        answer(id, type, status, reason, null);
    }

    private void answer(String id, String type, String status, String reason, String text) {
        ObjectNode data = JSON.createObjectNode().put("commandId", id).put("type", type).put("status", status);
        if (reason != null) {
            data.put("reason", reason);
        }
        if (text != null) {
            data.put("text", text);
        }
        try {
            journal.audit(EventMapper.COMMAND_AUDIT, null, data.toString());
        } catch (RuntimeException e) {
            log.error("fleet command answer not journaled id={} status={}: {}", id, status, e.toString());
        }
        try {
            acks.accept(new AckMessage(id, kioskId, status, reason, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("fleet ack not sent id={} status={}: {}", id, status, e.toString());
        }
        answered.run();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", p, e.toString());
        }
    }
}
