package org.topupkiosk.device.sim;

import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.topupkiosk.device.sim.SimException.Code;

/**
 * A PC/SC card reader through javax.smartcardio. The factory is {@code TerminalFactory.getInstance("PC/SC", null)},
 * not the default one, so a missing pcscd is an error (NO_PCSC) instead of an empty reader list. The reader is found
 * by exact name or, failing that, by a case-insensitive part of its name; an empty pattern takes the first reader.
 */
public final class PcscCardSlot implements CardSlot {

    /**
     * Every Card this JVM was handed. The JDK keeps one TerminalImpl per reader name for the whole JVM and hands back
     * its cached Card from connect() for as long as nobody called disconnect() on it, even after that card was pulled
     * and another one went in. Such a leftover (a read that timed out and is still stuck, a slot object dropped without
     * disconnect) answers every transmit with SCARD_E_NOT_TRANSACTED or SCARD_W_RESET_CARD. Seen again means stale.
     */
    private static final Map<Card, Boolean> ISSUED = Collections.synchronizedMap(new WeakHashMap<>());
    /** How long a stale Card's disconnect may take before connect() gives up on it. */
    private static final long STALE_DISCONNECT_MS = 1_000;

    private final String pattern;
    private volatile TerminalFactory factory;
    private volatile CardTerminal terminal;
    private volatile Card card;

    public PcscCardSlot(String readerPattern) {
        this.pattern = readerPattern == null ? "" : readerPattern.strip();
    }

    /** Every reader pcscd knows; NO_PCSC when the daemon is not there. */
    public static List<String> readerNames() throws SimException {
        try {
            return factory0().terminals().list().stream().map(CardTerminal::getName).collect(Collectors.toList());
        } catch (CardException e) {
            SimException se = map(e, "listing readers");
            if (se.code() == Code.NO_READER) {
                return List.of();
            }
            throw se;
        }
    }

    @Override
    public String name() throws SimException {
        return terminal().getName();
    }

    @Override
    public boolean waitForPresent(long timeoutMs) throws SimException {
        return await(CardTerminal::waitForCardPresent, timeoutMs, "waiting for a card in ");
    }

    @Override
    public boolean waitForAbsent(long timeoutMs) throws SimException {
        return await(CardTerminal::waitForCardAbsent, timeoutMs, "waiting for the card to leave ");
    }

    /** One of the terminal's waits (0 means forever there, so at least 1 ms); a failure forgets the terminal. */
    private boolean await(TerminalWait wait, long timeoutMs, String what) throws SimException {
        CardTerminal t = terminal();
        try {
            return wait.await(t, Math.max(1, timeoutMs));
        } catch (CardException e) {
            terminal = null;
            throw map(e, what + t.getName());
        }
    }

    @FunctionalInterface
    private interface TerminalWait {
        boolean await(CardTerminal terminal, long timeoutMs) throws CardException;
    }

    @Override
    public ApduChannel connect() throws SimException {
        CardTerminal t = terminal();
        Card c = connect0(t);
        if (ISSUED.containsKey(c)) {
            // The JDK's cached Card of an earlier insertion: release it and ask for a fresh one.
            releaseWithin(c, STALE_DISCONNECT_MS);
            c = connect0(t);
            if (ISSUED.containsKey(c)) {
                throw new SimException(Code.TRANSPORT, "the previous connection to " + t.getName()
                        + " is still busy; the card cannot be read now");
            }
        }
        ISSUED.put(c, Boolean.TRUE);
        card = c;
        return new Channel(t, c);
    }

    @Override
    public void disconnect(ApduChannel channel) {
        if (channel instanceof Channel ch) {
            synchronized (this) {
                if (card == ch.card) {
                    card = null;
                }
            }
            release(ch.card);
        } else {
            disconnect();
        }
    }

    private static Card connect0(CardTerminal t) throws SimException {
        try {
            return t.connect("*");
        } catch (CardNotPresentException e) {
            throw new SimException(Code.NO_CARD, "no card in " + t.getName(), e);
        } catch (CardException e) {
            throw map(e, "connecting to the card in " + t.getName());
        }
    }

    /** One connection to one card: transmits go to that card and no later one, and closing it closes only it. */
    private static final class Channel implements ApduChannel {
        private final CardTerminal terminal;
        private final Card card;
        private final CardChannel basic;

        Channel(CardTerminal terminal, Card card) {
            this.terminal = terminal;
            this.card = card;
            this.basic = card.getBasicChannel();
        }

        @Override
        public byte[] transmit(byte[] command) throws SimException {
            CommandAPDU apdu;
            try {
                apdu = new CommandAPDU(command);
            } catch (IllegalArgumentException e) {
                throw new SimException(Code.TRANSPORT, "malformed command APDU: " + e.getMessage(), e);
            }
            try {
                return basic.transmit(apdu).getBytes();
            } catch (CardException e) {
                throw map(e, "transmit");
            } catch (IllegalStateException e) {
                // "Card has been disconnected": our own disconnect after a removal or a timeout.
                throw new SimException(Code.CARD_REMOVED, "the card connection is gone: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                // The JDK refuses an answer shorter than SW1 SW2. vpcd hands back an empty answer when the card's
                // connection drops mid-command, so an empty answer from a slot that is now empty is a pulled card.
                throw emptyAnswer(terminal, e);
            }
        }
    }

    /** True when the failure says the connection (not the card's data) went bad: worth one fresh connection. */
    public static boolean staleConnection(SimException e) {
        String m = rootMessage(e);
        return m.contains("SCARD_E_NOT_TRANSACTED") || m.contains("SCARD_W_RESET_CARD")
                || m.contains("SCARD_E_INVALID_HANDLE") || m.contains("SCARD_W_REMOVED_CARD")
                || m.contains("connection is gone");
    }

    private static SimException emptyAnswer(CardTerminal t, IllegalArgumentException e) {
        try {
            if (t.waitForCardAbsent(500)) {
                return new SimException(Code.CARD_REMOVED, "the card left " + t.getName() + " during a command", e);
            }
        } catch (CardException ce) {
            return map(ce, "checking the slot after an empty answer");
        }
        return new SimException(Code.BAD_DATA, "the card gave an answer without a status word: " + e.getMessage(), e);
    }

    @Override
    public void disconnect() {
        Card c;
        synchronized (this) {
            c = card;
            card = null;
        }
        if (c != null) {
            release(c);
        }
    }

    private static void release(Card c) {
        try {
            c.disconnect(false);
        } catch (CardException | RuntimeException e) {
            // Already gone with the card: nothing to release.
        }
    }

    /** Disconnects on a helper thread so a transmit stuck on that Card cannot hold the caller longer than maxMs. */
    private static void releaseWithin(Card c, long maxMs) {
        Thread th = new Thread(() -> release(c), "pcsc-release");
        th.setDaemon(true);
        th.start();
        try {
            th.join(maxMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CardTerminal terminal() throws SimException {
        CardTerminal t = terminal;
        if (t != null) {
            return t;
        }
        List<CardTerminal> all;
        try {
            all = factory().terminals().list();
        } catch (CardException e) {
            throw map(e, "listing readers");
        }
        if (all.isEmpty()) {
            throw new SimException(Code.NO_READER, "pcscd knows no card reader");
        }
        if (pattern.isEmpty()) {
            t = all.get(0);
        } else {
            t = all.stream().filter(x -> x.getName().equals(pattern)).findFirst()
                    .or(() -> all.stream().filter(x -> x.getName().toLowerCase(Locale.ROOT)
                            .contains(pattern.toLowerCase(Locale.ROOT))).findFirst())
                    .orElseThrow(() -> new SimException(Code.NO_READER, "no reader matches \"" + pattern
                            + "\"; pcscd has " + all.stream().map(CardTerminal::getName).collect(Collectors.toList())));
        }
        terminal = t;
        return t;
    }

    private TerminalFactory factory() throws SimException {
        TerminalFactory f = factory;
        if (f == null) {
            f = factory0();
            factory = f;
        }
        return f;
    }

    private static TerminalFactory factory0() throws SimException {
        String lib = PcscLibrary.configure();
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw new SimException(Code.NO_PCSC, "PC/SC is not available (is pcscd running? library "
                    + (lib == null ? "libpcsclite not found" : lib) + "): " + rootMessage(e), e);
        }
    }

    /** PC/SC error names (pcsclite.h) in the exception text decide the code. */
    static SimException map(CardException e, String what) {
        String m = rootMessage(e);
        Code code;
        if (m.contains("SCARD_W_REMOVED_CARD") || m.contains("SCARD_E_NO_SMARTCARD")
                || m.contains("SCARD_W_RESET_CARD") || m.contains("SCARD_E_INVALID_HANDLE")) {
            code = Code.CARD_REMOVED;
        } else if (m.contains("SCARD_E_NO_SERVICE") || m.contains("SCARD_E_SERVICE_STOPPED")
                || m.contains("SCARD_E_NO_ACCESS")) {
            code = Code.NO_PCSC;
        } else if (m.contains("SCARD_E_NO_READERS_AVAILABLE") || m.contains("SCARD_E_UNKNOWN_READER")
                || m.contains("SCARD_E_READER_UNAVAILABLE")) {
            code = Code.NO_READER;
        } else if (m.contains("SCARD_W_UNRESPONSIVE_CARD") || m.contains("SCARD_E_TIMEOUT")) {
            code = Code.MUTE;
        } else if (m.contains("SCARD_W_UNSUPPORTED_CARD") || m.contains("SCARD_E_PROTO_MISMATCH")) {
            code = Code.UNKNOWN_CARD;
        } else {
            code = Code.TRANSPORT;
        }
        return new SimException(code, what + ": " + m, e);
    }

    private static String rootMessage(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (s.length() > 0) {
                s.append(" / ");
            }
            s.append(c.getMessage());
        }
        return s.toString();
    }
}
