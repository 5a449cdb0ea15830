package org.topupkiosk.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated register's fiscal storage against the journal after a chaos run (issue 13): every receipt the storage
 * signed is journaled (a kill between the two is adopted at the restart), and every journaled document is in the
 * storage. A signed receipt the journal does not know is a payment registered and then forgotten, the way to register
 * it twice; a journaled one the storage lacks is a receipt the customer holds that the tax service never sees.
 */
record FiscalAgreement(Set<Long> unjournaled, Set<Long> unsigned) {

    private static final Pattern RECEIPT = Pattern.compile("\"kind\":\"RECEIPT_INCOME(?:_RETURN)?\",\"number\":(\\d+)");

    /** Empty sets when the run had no emulated register (fiscal.register: none). */
    static FiscalAgreement of(Path runDir) throws IOException {
        Path fn = runDir.resolve("fiscal-emulator/fn.jsonl");
        if (!Files.exists(fn)) {
            return new FiscalAgreement(Set.of(), Set.of());
        }
        Set<Long> signed = new TreeSet<>();
        for (String line : Files.readAllLines(fn)) {
            Matcher m = RECEIPT.matcher(line);
            if (m.find()) {
                signed.add(Long.parseLong(m.group(1)));
            }
        }
        Set<Long> journaled = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + runDir.resolve("journal.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_number FROM fiscal_documents")) {
            while (rs.next()) {
                journaled.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read fiscal_documents of " + runDir + ": " + e.getMessage(), e);
        }
        Set<Long> unjournaled = new TreeSet<>(signed);
        unjournaled.removeAll(journaled);
        Set<Long> unsigned = new TreeSet<>(journaled);
        unsigned.removeAll(signed);
        return new FiscalAgreement(unjournaled, unsigned);
    }

    List<String> problems(String label) {
        List<String> out = new ArrayList<>();
        if (!unjournaled.isEmpty()) {
            out.add(label + ": the fiscal storage signed receipts " + unjournaled + " the journal does not know");
        }
        if (!unsigned.isEmpty()) {
            out.add(label + ": the journal holds fiscal documents " + unsigned + " the storage never signed");
        }
        return out;
    }
}
