/**
 * The money journal: one SQLite file (WAL, synchronous=FULL) that holds every rouble the kiosk has taken until the
 * carrier confirms it. {@link org.topupkiosk.journal.Journal} is the only public entry point (the counter terminal's
 * verbs are reached through it, {@link org.topupkiosk.journal.Journal#counter()}); repositories, the audit chain and
 * the verifier behind it are package-private.
 *
 * <p>The invariant {@link org.topupkiosk.journal.Journal#verify()} checks: cash stacked = cash and credit applied to
 * OPEN, PENDING and CONFIRMED orders + open customer credits + refunds recorded. Money tables and the audit chain are
 * append-only (triggers refuse UPDATE and DELETE); orders and the outbox change state, and every change appends a
 * hash-chained audit row in the same transaction.
 */
package org.topupkiosk.journal;
