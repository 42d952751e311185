package ua.igov.platform.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.AuditVerification;

/**
 * The audit trail as a hash chain: each entry carries the SHA-256 of the one before, so editing or deleting any
 * entry breaks every link after it. Appends go through the single head row, whose update takes a row lock: entries
 * are numbered without gaps even with several nodes writing at once.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Appends an entry inside the caller's transaction. */
    static void append(Connection c, AuditEntry entry) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE audit_head SET seq = seq + 1 WHERE id = 1")) {
            lock.executeUpdate();
        }
        long seq;
        String previous;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            previous = rs.getString(2);
        }
        String hash = hash(previous, seq, entry.at(), entry.actor(), entry.action(), entry.subject(), entry.detail());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log "
                + "(seq, occurred_at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setTimestamp(2, Jdbc.timestamp(entry.at()), Jdbc.UTC.get());
            ps.setString(3, entry.actor());
            ps.setString(4, entry.action());
            ps.setString(5, entry.subject());
            ps.setString(6, entry.detail());
            ps.setString(7, previous);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET hash = ? WHERE id = 1")) {
            ps.setString(1, hash);
            ps.executeUpdate();
        }
    }

    static AuditVerification verify(Connection c) throws SQLException {
        String previous = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, occurred_at, actor, action, subject, detail, prev_hash, hash "
                + "FROM audit_log ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    checked++;
                    if (seq != expectedSeq) {
                        return new AuditVerification(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                    }
                    if (!previous.equals(rs.getString("prev_hash"))) {
                        return new AuditVerification(checked, seq, "it does not link to the entry before it");
                    }
                    String recomputed = hash(previous, seq, Jdbc.instant(rs.getTimestamp("occurred_at", Jdbc.UTC.get())),
                            rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail"));
                    if (!recomputed.equals(rs.getString("hash"))) {
                        return new AuditVerification(checked, seq, "its content does not match its hash (it was edited)");
                    }
                    previous = recomputed;
                    expectedSeq++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != expectedSeq - 1 || !previous.equals(rs.getString(2))) {
                return new AuditVerification(checked, expectedSeq, "entries after " + (expectedSeq - 1) + " were removed");
            }
        }
        return new AuditVerification(checked, null, null);
    }

    static String hash(String previous, long seq, Instant at, String actor, String action, String subject, String detail) {
        String canonical = previous + '\n' + seq + '\n' + at.toEpochMilli() + '\n' + actor + '\n' + action + '\n'
                + (subject == null ? "" : subject) + '\n' + (detail == null ? "" : detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
