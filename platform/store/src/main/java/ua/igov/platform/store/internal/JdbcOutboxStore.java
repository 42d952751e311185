package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.OutboxEntry;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.OutboxSummary;

/**
 * The outbox on any supported database. Claiming is a conditional UPDATE per message ("only if still due and not
 * leased"): the database lets exactly one node's UPDATE match, on Derby and on PostgreSQL alike, so no node ever
 * holds a message another node holds. The same UPDATE tells whether the message is in doubt: a lease that is still
 * there when it is taken over was left by a node that died holding it.
 */
@Component(service = OutboxStore.class)
public class JdbcOutboxStore implements OutboxStore {

    private static final String COLUMNS = "id, channel, recipient, subject, body, tracking_number, status, attempts, "
            + "created_at, next_attempt_at, sent_at, last_error, doubt";
    private static final String CLAIMABLE = "status = '" + PENDING + "' AND next_attempt_at <= ? "
            + "AND (lease_until IS NULL OR lease_until < ?)";

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public JdbcOutboxStore(@Reference Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    private static final String INSERT = "INSERT INTO outbox (channel, recipient, subject, body, tracking_number, "
            + "status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)";

    /** Writes a message on the caller's connection, so it commits or rolls back with the caller's transaction. */
    static long insert(Connection c, OutboxMessage message, Instant now) throws SQLException {
        try (PreparedStatement ps = SqlDialect.insertReturningId(c, INSERT)) {
            bind(ps, message, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Writes a step's messages inside its transaction as one batch: on PostgreSQL one round trip for all of them.
     * Their ids are not needed there; {@link #insert} gives one when it is.
     */
    static void insertAll(Connection c, List<OutboxMessage> messages, Instant now) throws SQLException {
        insertAll(c, messages.stream().map(m -> Map.entry(m, now)).toList());
    }

    /** Messages written at different moments (a group of submissions), in one batch. */
    static void insertAll(Connection c, List<Map.Entry<OutboxMessage, Instant>> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map.Entry<OutboxMessage, Instant> message : messages) {
                bind(ps, message.getKey(), message.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, OutboxMessage message, Instant now) throws SQLException {
        ps.setString(1, message.channel());
        ps.setString(2, message.recipient());
        ps.setString(3, message.subject());
        ps.setString(4, message.body());
        ps.setString(5, message.trackingNumber());
        ps.setString(6, PENDING);
        ps.setTimestamp(7, Jdbc.timestamp(now), Jdbc.UTC.get());
        ps.setTimestamp(8, Jdbc.timestamp(now), Jdbc.UTC.get());
    }

    @Override
    public long enqueue(OutboxMessage message, Instant now) {
        return jdbc.inTransaction("write a message to the outbox", c -> insert(c, message, now));
    }

    @Override
    public List<OutboxEntry> claim(String owner, Set<String> channels, Instant now, Duration lease, int limit) {
        if (channels.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Long> candidates = jdbc.read("find due messages", c -> dueFirst(c, channels, now, limit));
        if (candidates.isEmpty()) {
            return List.of(); // an idle lane's poll: no transaction to open
        }
        try {
            return jdbc.inTransaction("lease " + candidates.size() + " messages", c -> lease(c, owner, candidates, now, lease));
        } catch (RuntimeException failed) {
            // The commit's answer was lost: the leases may have been taken, and would sit unused for the whole lease
            // and then be taken for a dead node's, in doubt, though no channel ever saw them. Given back (if the
            // database answers again); a transaction that did not commit took none, and this finds none to give back.
            try {
                releaseUnsent(owner, candidates, now.plus(lease));
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    /**
     * The ids of the first {@code limit} messages due on these channels, the longest due first: each channel's are
     * read in the order of {@code ix_outbox_claim} (status, channel, next attempt, id), stopping after {@code limit},
     * and merged. Read as one sorted set, every due message was found and sorted for every batch: with a backlog of
     * 20 000 a batch of 20 cost 20 000 rows, and delivery fell behind the submissions writing them.
     */
    private static List<Long> dueFirst(Connection c, Set<String> channels, Instant now, int limit) throws SQLException {
        List<Map.Entry<Instant, Long>> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DUE_ON_A_CHANNEL)) {
            for (String channel : channels) {
                ps.setString(1, channel);
                int limitParameter = setClaimable(ps, 2, now);
                due.addAll(Jdbc.rows(ps, limitParameter, limit, rs -> Map.entry(
                        Jdbc.instant(rs.getTimestamp(2, Jdbc.UTC.get())), rs.getLong(1))));
            }
        }
        return due.stream()
                .sorted(Map.Entry.<Instant, Long>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .limit(limit).map(Map.Entry::getValue).toList();
    }

    /** A channel's due messages in the index's order (see {@link #dueFirst}). Package-private for the plan test. */
    static final String DUE_ON_A_CHANNEL = "SELECT id, next_attempt_at FROM outbox "
            + "--DERBY-PROPERTIES index=ix_outbox_claim\n"
            + "WHERE channel = ? AND " + CLAIMABLE + " ORDER BY next_attempt_at, id" + Jdbc.FIRST_ROWS;

    /**
     * Leases those of the candidates still to be claimed to {@code owner}, in one transaction (one commit a batch,
     * not one a message), and reads them as leased, in the candidates' order. Another node may have taken one since
     * the SELECT: then its UPDATE matches nothing and it is skipped. Sending, failing and stopping all clear the
     * lease, so an expired one (lease_owner still set) means its owner died holding the message, perhaps after
     * handing it over: in doubt, until the worker settles it.
     */
    private List<OutboxEntry> lease(Connection c, String owner, List<Long> candidates, Instant now, Duration lease)
            throws SQLException {
        List<OutboxEntry> leased = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET lease_owner = ?, lease_until = ?, "
                + "doubt = CASE WHEN lease_owner IS NULL THEN doubt ELSE '" + IN_DOUBT + "' END "
                + "WHERE id = ? AND " + CLAIMABLE);
             PreparedStatement read = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
            for (long id : candidates) {
                update.setString(1, owner);
                update.setTimestamp(2, Jdbc.timestamp(now.plus(lease)), Jdbc.UTC.get());
                update.setLong(3, id);
                setClaimable(update, 4, now);
                if (update.executeUpdate() == 1) {
                    read.setLong(1, id);
                    leased.addAll(entries(read));
                }
            }
        }
        return leased;
    }

    private static int setClaimable(PreparedStatement ps, int from, Instant now) throws SQLException {
        ps.setTimestamp(from, Jdbc.timestamp(now), Jdbc.UTC.get());
        ps.setTimestamp(from + 1, Jdbc.timestamp(now), Jdbc.UTC.get());
        return from + 2;
    }

    @Override
    public boolean markSent(long id, String owner, Instant at, String doubt, String note) {
        return jdbc.inTransaction("mark message " + id + " sent", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, sent_at = ?, "
                    + "lease_owner = NULL, lease_until = NULL, last_error = ?" + (doubt == null ? "" : ", doubt = ?")
                    + " WHERE id = ? AND status = ? AND lease_owner = ?")) {
                int i = 1;
                ps.setString(i++, SENT);
                ps.setTimestamp(i++, Jdbc.timestamp(at), Jdbc.UTC.get());
                ps.setString(i++, truncated(note));
                if (doubt != null) {
                    ps.setString(i++, doubt);
                }
                ps.setLong(i++, id);
                ps.setString(i++, PENDING);
                ps.setString(i, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean markFailed(long id, String owner, String error, Instant retryAt, boolean outcomeUnknown) {
        String reason = error == null ? "unknown error" : truncated(error);
        return jdbc.inTransaction("record a failed delivery of message " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                    + "status = ?, next_attempt_at = " + (retryAt == null ? "next_attempt_at" : "?")
                    + (outcomeUnknown ? ", doubt = ?" : "")
                    + ", lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = ? AND lease_owner = ?")) {
                int i = 1;
                ps.setString(i++, reason);
                ps.setString(i++, retryAt == null ? DEAD : PENDING);
                if (retryAt != null) {
                    ps.setTimestamp(i++, Jdbc.timestamp(retryAt), Jdbc.UTC.get());
                }
                if (outcomeUnknown) {
                    ps.setString(i++, IN_DOUBT);
                }
                ps.setLong(i++, id);
                ps.setString(i++, PENDING);
                ps.setString(i, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String truncated(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    @Override
    public int release(String owner, Collection<Long> sentNotRecorded) {
        return giveBack("give back leases", owner, sentNotRecorded.isEmpty() ? "" : " AND id NOT IN", sentNotRecorded,
                null);
    }

    @Override
    public int releaseUnsent(String owner, Collection<Long> ids, Instant leasedUntil) {
        return ids.isEmpty() ? 0 : giveBack("give back unsent leases", owner, " AND id IN", ids, leasedUntil);
    }

    /**
     * Clears {@code owner}'s leases on pending messages, those whose ids are (or are not) {@code ids}, and, given
     * {@code leasedUntil}, only leases that run out by then: not one renewed or taken again since.
     */
    private int giveBack(String what, String owner, String idCondition, Collection<Long> ids, Instant leasedUntil) {
        return jdbc.inTransaction(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET lease_owner = NULL, lease_until = NULL "
                    + "WHERE lease_owner = ? AND status = ?" + (idCondition.isEmpty() ? "" : idCondition + " ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                    + (leasedUntil == null ? "" : " AND lease_until <= ?"))) {
                int i = 1;
                ps.setString(i++, owner);
                ps.setString(i++, PENDING);
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
                if (leasedUntil != null) {
                    ps.setTimestamp(i, Jdbc.timestamp(leasedUntil), Jdbc.UTC.get());
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Set<Long> renew(String owner, Collection<Long> ids, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.inTransaction("renew leases", c -> {
            Instant until = now.plus(lease);
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET lease_until = ? WHERE lease_owner = ? "
                    + "AND lease_until > ? AND status = ? AND id IN (" + in + ")")) {
                int i = 1;
                ps.setTimestamp(i++, Jdbc.timestamp(until), Jdbc.UTC.get());
                ps.setString(i++, owner);
                ps.setTimestamp(i++, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setString(i++, PENDING);
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
                ps.executeUpdate();
            }
            // what the UPDATE did not extend had run out (or is no longer ours): only the extended ones are ours now
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox WHERE lease_owner = ? "
                    + "AND lease_until > ? AND status = ? AND id IN (" + in + ")")) {
                int i = 1;
                ps.setString(i++, owner);
                ps.setTimestamp(i++, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setString(i++, PENDING);
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
                Set<Long> renewed = new java.util.HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        renewed.add(rs.getLong(1));
                    }
                }
                return renewed;
            }
        });
    }

    @Override
    public boolean retry(long id, Instant now, String by) {
        return jdbc.inTransaction("requeue message " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, attempts = 0, "
                    + "next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = ?")) {
                ps.setString(1, PENDING);
                ps.setTimestamp(2, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setLong(3, id);
                ps.setString(4, DEAD);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            AuditChain.append(c, dialect, new AuditEntry(now, by, "retry-notification", trackingNumberOf(c, id),
                    "message " + id));
            return true;
        });
    }

    private static String trackingNumberOf(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tracking_number FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public int sendNow(Long id, Instant now, String by) {
        return jdbc.inTransaction(id == null ? "make every waiting message due" : "make message " + id + " due", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE status = ? "
                    + "AND next_attempt_at > ? AND (lease_until IS NULL OR lease_until < ?)"
                    + (id == null ? "" : " AND id = ?"))) {
                ps.setTimestamp(1, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setString(2, PENDING);
                ps.setTimestamp(3, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setTimestamp(4, Jdbc.timestamp(now), Jdbc.UTC.get());
                if (id != null) {
                    ps.setLong(5, id);
                }
                int due = ps.executeUpdate();
                if (due > 0) {
                    AuditChain.append(c, dialect, new AuditEntry(now, by, "send-notifications-now",
                            id == null ? null : trackingNumberOf(c, id),
                            id == null ? due + " waiting messages" : "message " + id));
                }
                return due;
            }
        });
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return jdbc.read("read message " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                ps.setLong(1, id);
                List<OutboxEntry> found = entries(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public List<OutboxEntry> list(String status, int limit) {
        return jdbc.read("list the outbox", c -> {
            // what waits longest first; of what was sent, the latest (the first ever sent answer no question)
            String order = SENT.equals(status) ? "created_at DESC, id DESC" : "created_at, id";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE status = ? "
                    + "ORDER BY " + order + Jdbc.FIRST_ROWS)) {
                ps.setString(1, status);
                ps.setInt(2, limit);
                return entries(ps);
            }
        });
    }

    @Override
    public List<OutboxEntry> forApplication(String trackingNumber) {
        return jdbc.read("list messages about " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox "
                    + "WHERE tracking_number = ? ORDER BY id")) {
                ps.setString(1, trackingNumber);
                return entries(ps);
            }
        });
    }

    private static List<OutboxEntry> entries(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new OutboxEntry(rs.getLong("id"), new OutboxMessage(rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        rs.getString("tracking_number")), rs.getString("status"), rs.getInt("attempts"),
                        Jdbc.instant(rs.getTimestamp("created_at", Jdbc.UTC.get())),
                        Jdbc.instant(rs.getTimestamp("next_attempt_at", Jdbc.UTC.get())),
                        Jdbc.instant(rs.getTimestamp("sent_at", Jdbc.UTC.get())), rs.getString("last_error"),
                        rs.getString("doubt")));
            }
        }
        return entries;
    }

    @Override
    public OutboxSummary summary() {
        return jdbc.read("sum up the outbox", c -> {
            long pending = 0;
            long dead = 0;
            Instant oldest = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*), MIN(created_at) FROM outbox "
                    + "WHERE status IN (?, ?) GROUP BY status")) {
                ps.setString(1, PENDING);
                ps.setString(2, DEAD);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (PENDING.equals(rs.getString(1))) {
                            pending = rs.getLong(2);
                            oldest = Jdbc.instant(rs.getTimestamp(3, Jdbc.UTC.get()));
                        } else {
                            dead = rs.getLong(2);
                        }
                    }
                }
            }
            // few rows ever have a doubt, and ix_outbox_doubt finds them without reading the rest
            Map<String, Long> doubts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doubt, COUNT(*) FROM outbox WHERE doubt IS NOT NULL "
                    + "GROUP BY doubt")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        doubts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new OutboxSummary(pending, oldest, dead, doubts.getOrDefault(IN_DOUBT, 0L),
                    doubts.getOrDefault(CONFIRMED, 0L), doubts.getOrDefault(RESENT, 0L));
        });
    }
}
