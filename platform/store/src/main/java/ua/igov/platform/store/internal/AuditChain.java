package ua.igov.platform.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.AuditVerification;

/**
 * The audit trail as hash chains: each entry carries the SHA-256 of the entry before it in its chain, so editing or
 * deleting any entry breaks every link after it, and each chain's head row (its last number and hash) shows whether
 * entries were cut off its end.
 *
 * <p>There are {@value #CHAINS} chains, and all entries about one application go to the same one. An append locks
 * only its chain's head row until the transaction commits: entries of one chain are numbered without gaps even with
 * several nodes writing, while work on different applications does not wait on one lock.
 */
final class AuditChain {

    static final int CHAINS = 16;
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The chain of an entry: by its application, or by its actor when it concerns none. */
    static int chainOf(AuditEntry entry) {
        String key = entry.subject() != null ? entry.subject() : entry.actor();
        return 1 + Math.floorMod(key.hashCode(), CHAINS);
    }

    /** Appends an entry inside the caller's transaction. */
    static void append(Connection c, SqlDialect dialect, AuditEntry entry) throws SQLException {
        appendAll(c, dialect, List.of(entry));
    }

    /**
     * Appends entries inside the caller's transaction, in their order within each chain. Each chain's head is moved
     * once for all its entries, the heads in chain order (so two transactions appending to several chains cannot
     * deadlock on them); then every entry goes in one batch, and every head's new hash in another. On PostgreSQL a
     * head is moved and read in one statement ({@code RETURNING}), one round trip to the server.
     */
    static void appendAll(Connection c, SqlDialect dialect, List<AuditEntry> entries) throws SQLException {
        Map<Integer, List<AuditEntry>> byChain = new TreeMap<>();
        for (AuditEntry entry : entries) {
            byChain.computeIfAbsent(chainOf(entry), k -> new ArrayList<>()).add(entry);
        }
        Map<Integer, String> lastHashes = new TreeMap<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log "
                + "(chain, seq, occurred_at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Integer, List<AuditEntry>> chainEntries : byChain.entrySet()) {
                int chain = chainEntries.getKey();
                List<AuditEntry> appended = chainEntries.getValue();
                Head head = moveHead(c, dialect, chain, appended.size());
                long seq = head.seq() - appended.size();
                String previous = head.hash();
                for (AuditEntry entry : appended) {
                    seq++;
                    String hash = hash(previous, chain, seq, entry.at(), entry.actor(), entry.action(), entry.subject(), entry.detail());
                    insert.setInt(1, chain);
                    insert.setLong(2, seq);
                    insert.setTimestamp(3, Jdbc.timestamp(entry.at()), Jdbc.UTC.get());
                    insert.setString(4, entry.actor());
                    insert.setString(5, entry.action());
                    insert.setString(6, entry.subject());
                    insert.setString(7, entry.detail());
                    insert.setString(8, previous);
                    insert.setString(9, hash);
                    insert.addBatch();
                    previous = hash;
                }
                lastHashes.put(chain, previous);
            }
            insert.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET hash = ? WHERE id = ?")) {
            for (Map.Entry<Integer, String> last : lastHashes.entrySet()) {
                ps.setString(1, last.getValue());
                ps.setInt(2, last.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A chain's head after it was moved: its new last number, and the hash of the entry before the new ones. */
    private record Head(long seq, String hash) {
    }

    /** Moving the head first takes its row lock, so no other transaction numbers entries of this chain meanwhile. */
    private static Head moveHead(Connection c, SqlDialect dialect, int chain, int entries) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = seq + ? WHERE id = ? RETURNING seq, hash")) {
                ps.setInt(1, entries);
                ps.setInt(2, chain);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Head(rs.getLong(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement lock = c.prepareStatement("UPDATE audit_head SET seq = seq + ? WHERE id = ?")) {
            lock.setInt(1, entries);
            lock.setInt(2, chain);
            lock.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = ?")) {
            ps.setInt(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /**
     * Walks every chain up to its head as it was when the walk began, so entries other nodes commit meanwhile are
     * neither mistaken for forged ones nor make the head look cut short: a head and the entries it counts are
     * committed together, so every entry up to a head already read is there to be read. Entries the head does not
     * count are looked for after the walk, and only against a head read after them.
     */
    static AuditVerification verify(Connection c) throws SQLException {
        long checked = 0;
        for (int chain = 1; chain <= CHAINS; chain++) {
            Head head = head(c, chain);
            String previous = GENESIS;
            long expectedSeq = 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, occurred_at, actor, action, subject, detail, "
                    + "prev_hash, hash FROM audit_log WHERE chain = ? AND seq BETWEEN 1 AND ? ORDER BY seq")) {
                ps.setInt(1, chain);
                ps.setLong(2, head.seq());
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        checked++;
                        if (seq != expectedSeq) {
                            return broken(checked, chain, expectedSeq, "entry " + chain + "/" + expectedSeq + " is missing");
                        }
                        if (!previous.equals(rs.getString("prev_hash"))) {
                            return broken(checked, chain, seq, "it does not link to the entry before it");
                        }
                        if (Stream.of(rs.getString("actor"), rs.getString("action"), rs.getString("subject"))
                                .anyMatch(field -> field != null && field.indexOf('\n') >= 0)) {
                            // the hash joins the fields with line breaks: one moved across them would keep it
                            return broken(checked, chain, seq, "it has a line break where the platform writes none "
                                    + "(it was edited)");
                        }
                        String recomputed = hash(previous, chain, seq, Jdbc.instant(rs.getTimestamp("occurred_at", Jdbc.UTC.get())),
                                rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail"));
                        if (!recomputed.equals(rs.getString("hash"))) {
                            return broken(checked, chain, seq, "its content does not match its hash (it was edited)");
                        }
                        previous = recomputed;
                        expectedSeq++;
                    }
                }
            }
            if (expectedSeq - 1 != head.seq()) {
                return broken(checked, chain, expectedSeq, "entries after " + chain + "/" + (expectedSeq - 1)
                        + " were removed");
            }
            if (!previous.equals(head.hash())) {
                return broken(checked, chain, head.seq(), "its hash is not the one its chain's head recorded (it was "
                        + "edited and its hash computed again, or the head was changed)");
            }
            // The last entry first, then the head: an entry committed by then has its head committed with it.
            long last = lastSeq(c, chain);
            if (last > head(c, chain).seq()) {
                return broken(checked, chain, last, "entry " + chain + "/" + last + " is not counted by its chain's "
                        + "head (it was added outside the platform)");
            }
        }
        // Rows no chain walks: a chain that does not exist, or a number before an entry's first
        try (PreparedStatement ps = c.prepareStatement("SELECT chain, seq FROM audit_log WHERE chain < 1 OR chain > ? "
                + "OR seq < 1 ORDER BY chain, seq")) {
            ps.setInt(1, CHAINS);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return broken(checked, rs.getInt(1), rs.getLong(2), "entry " + rs.getInt(1) + "/" + rs.getLong(2)
                            + " is in no chain the platform writes (it was added outside the platform)");
                }
            }
        }
        return new AuditVerification(checked, null, null, null);
    }

    private static Head head(Connection c, int chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = ?")) {
            ps.setInt(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
    }

    private static long lastSeq(Connection c, int chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit_log WHERE chain = ?")) {
            ps.setInt(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static AuditVerification broken(long checked, int chain, long seq, String reason) {
        return new AuditVerification(checked, chain, seq, reason);
    }

    static String hash(String previous, int chain, long seq, Instant at, String actor, String action, String subject,
                       String detail) {
        String canonical = previous + '\n' + chain + '/' + seq + '\n' + at.toEpochMilli() + '\n' + actor + '\n' + action
                + '\n' + (subject == null ? "" : subject) + '\n' + (detail == null ? "" : detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
