package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.ApplicationHead;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.Attachment;
import ua.igov.platform.store.AttachmentFile;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.AuditVerification;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.ConcurrentChangeException;
import ua.igov.platform.store.ListPosition;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.QueueQuery;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/**
 * The application store on any JDBC database the platform supports. It keeps no state of its own between calls:
 * every answer comes from the database, so any number of nodes can share it. Every change writes its history entry
 * and its audit entry in the same transaction.
 */
@Component(service = ApplicationStore.class)
public class JdbcApplicationStore implements ApplicationStore {

    static final String COLUMNS = "a.id, a.tracking_number, a.service_code, a.region_id, a.place_id, "
            + "a.form_version, a.plugin_version, a.form_data, a.status, a.submitted_at, a.updated_at, a.owner, "
            + "a.authority_id, a.assigned_to, a.due_at, a.fee_kopiykas, a.issued_document, a.row_version, a.attachment_count, a.escalated_at, a.paused_due_at";

    private final Jdbc jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final String nextNumber;

    @Activate
    public JdbcApplicationStore(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    JdbcApplicationStore(Database database, Clock clock) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
        this.clock = clock;
        this.nextNumber = dialect.nextValue("application_number_seq");
        // Embedded Derby writes with this node's CPU: one transaction at a time does the most. A database server keeps
        // a transaction mostly waiting for its answers, so a few are under way at once.
        this.submissions = new GroupCommit<>(MAX_SUBMISSIONS_PER_TRANSACTION, dialect == SqlDialect.POSTGRESQL ? 4 : 1,
                this::insertAll);
    }

    @Override
    public StoredApplication insert(NewApplication app, LongFunction<String> trackingNumbers, AuditEntry audit,
                                    CitizenContact contact, Function<String, List<OutboxMessage>> notifications) {
        return submissions.write(new Submission(app, trackingNumbers, audit, contact, notifications));
    }

    /** One citizen's submission waiting to be written, with what it needs to know once it has its number. */
    private record Submission(NewApplication app, LongFunction<String> trackingNumbers, AuditEntry audit,
                              CitizenContact contact, Function<String, List<OutboxMessage>> notifications) {
    }

    /** The most submissions one transaction writes: enough to share its costs, short enough to hold locks briefly. */
    static final int MAX_SUBMISSIONS_PER_TRANSACTION = 32;

    private final GroupCommit<Submission, StoredApplication> submissions;

    /**
     * Writes submissions in one transaction: their numbers, application rows, first history entries, contacts and
     * notifications, each kind as one batch; then their audit entries (one head update per chain) and their
     * statistics (one update per row). On PostgreSQL each batch is one round trip to the server.
     */
    private List<StoredApplication> insertAll(List<Submission> batch) {
        return jdbc.inTransaction("store " + (batch.size() == 1 ? "an application for " + batch.get(0).app().serviceCode()
                : batch.size() + " applications"), c -> {
            long[] numbers = nextApplicationNumbers(c, batch.size());
            List<String> trackingNumbers = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                trackingNumbers.add(batch.get(i).trackingNumbers().apply(numbers[i]));
            }
            long[] ids = insertApplications(c, batch, trackingNumbers);
            List<Map.Entry<Long, StatusChange>> firstSteps = new ArrayList<>(batch.size());
            List<Map.Entry<Long, CitizenContact>> contacts = new ArrayList<>(batch.size());
            List<Map.Entry<OutboxMessage, Instant>> messages = new ArrayList<>();
            List<AuditEntry> audits = new ArrayList<>(batch.size());
            List<StatsRollup.Facts> facts = new ArrayList<>(batch.size());
            List<StoredApplication> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Submission submission = batch.get(i);
                NewApplication app = submission.app();
                String trackingNumber = trackingNumbers.get(i);
                long id = ids[i];
                firstSteps.add(Map.entry(id, app.firstStatus()));
                if (submission.contact() != null) {
                    contacts.add(Map.entry(id, submission.contact()));
                }
                for (OutboxMessage message : submission.notifications().apply(trackingNumber)) {
                    messages.add(Map.entry(message, app.submittedAt()));
                }
                AuditEntry audit = submission.audit();
                audits.add(new AuditEntry(audit.at(), audit.actor(), audit.action(), trackingNumber, audit.detail()));
                facts.add(new StatsRollup.Facts(id, app.submittedAt(), app.authorityId(), app.regionId(),
                        app.placeId(), app.serviceCode(), null, app.firstStatus().status(), app.dueAt(), null, null));
                stored.add(new StoredApplication(id, trackingNumber, app.serviceCode(), app.regionId(), app.placeId(),
                        app.formVersion(), app.pluginVersion(), app.formJson(), app.firstStatus().status(),
                        app.submittedAt(), app.submittedAt(), List.of(app.firstStatus()), app.owner(), app.authorityId(),
                        null, app.dueAt(), app.feeKopiykas(), null, 0, 0));
            }
            appendEvents(c, firstSteps);
            insertContacts(c, contacts);
            JdbcOutboxStore.insertAll(c, messages);
            AuditChain.appendAll(c, dialect, audits);
            StatsRollup.addedAll(c, dialect, facts);
            return stored;
        });
    }

    /** Numbers from the database sequence; on PostgreSQL a group's in one query. */
    private long[] nextApplicationNumbers(Connection c, int n) throws SQLException {
        long[] numbers = new long[n];
        boolean inOneQuery = dialect == SqlDialect.POSTGRESQL && n > 1;
        try (PreparedStatement ps = c.prepareStatement(inOneQuery
                ? "SELECT nextval('application_number_seq') FROM generate_series(1, ?)" : nextNumber)) {
            if (inOneQuery) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; i < n; i++) {
                        rs.next();
                        numbers[i] = rs.getLong(1);
                    }
                }
                return numbers;
            }
            for (int i = 0; i < n; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    numbers[i] = rs.getLong(1);
                }
            }
        }
        return numbers;
    }

    private static final String INSERT_APPLICATION = "INSERT INTO application (tracking_number, service_code, "
            + "region_id, place_id, catalogue_service_id, offering_id, form_version, plugin_version, form_data, "
            + "status, submitted_at, updated_at, owner, authority_id, due_at, fee_kopiykas) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts the rows and answers their generated ids, in order. PostgreSQL answers the keys of a whole batch; Derby
     * only those of one statement, so there each row is its own (embedded, it has no round trip to save).
     */
    private long[] insertApplications(Connection c, List<Submission> batch, List<String> trackingNumbers) throws SQLException {
        long[] ids = new long[batch.size()];
        boolean asBatch = dialect == SqlDialect.POSTGRESQL && batch.size() > 1;
        try (PreparedStatement ps = SqlDialect.insertReturningId(c, INSERT_APPLICATION)) {
            for (int i = 0; i < batch.size(); i++) {
                bindApplication(ps, batch.get(i).app(), trackingNumbers.get(i));
                if (asBatch) {
                    ps.addBatch();
                } else {
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids[i] = keys.getLong(1);
                    }
                }
            }
            if (asBatch) {
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int i = 0; i < ids.length; i++) {
                        if (!keys.next()) {
                            throw new SQLException("the database answered " + i + " keys for " + ids.length + " rows");
                        }
                        ids[i] = keys.getLong(1);
                    }
                }
            }
        }
        return ids;
    }

    private static void bindApplication(PreparedStatement ps, NewApplication app, String trackingNumber) throws SQLException {
        ps.setString(1, trackingNumber);
        ps.setString(2, app.serviceCode());
        ps.setString(3, app.regionId());
        Jdbc.setNullableInt(ps, 4, app.placeId());
        Jdbc.setNullableInt(ps, 5, app.catalogueServiceId());
        Jdbc.setNullableInt(ps, 6, app.offeringId());
        ps.setString(7, app.formVersion());
        ps.setString(8, app.pluginVersion());
        ps.setString(9, app.formJson());
        ps.setString(10, app.firstStatus().status());
        ps.setTimestamp(11, Jdbc.timestamp(app.submittedAt()), Jdbc.UTC.get());
        ps.setTimestamp(12, Jdbc.timestamp(app.submittedAt()), Jdbc.UTC.get());
        ps.setString(13, app.owner());
        Jdbc.setNullableInt(ps, 14, app.authorityId());
        ps.setTimestamp(15, app.dueAt() == null ? null : Jdbc.timestamp(app.dueAt()), Jdbc.UTC.get());
        ps.setLong(16, app.feeKopiykas());
    }

    private static void insertContacts(Connection c, List<Map.Entry<Long, CitizenContact>> contacts) throws SQLException {
        if (contacts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO application_contact (application_id, email, phone, language) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, CitizenContact> contact : contacts) {
                ps.setLong(1, contact.getKey());
                ps.setString(2, contact.getValue().email());
                ps.setString(3, contact.getValue().phone());
                ps.setString(4, contact.getValue().language());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<CitizenContact> contact(String trackingNumber) {
        return jdbc.read("read the contact for " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT k.email, k.phone, k.language FROM application_contact k "
                    + "JOIN application a ON a.id = k.application_id WHERE a.tracking_number = ?")) {
                ps.setString(1, trackingNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new CitizenContact(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    static void appendEvent(Connection c, long applicationId, StatusChange change) throws SQLException {
        appendEvents(c, List.of(Map.entry(applicationId, change)));
    }

    /** History entries, one per application id given, in one batch. */
    static void appendEvents(Connection c, List<Map.Entry<Long, StatusChange>> steps) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO application_event "
                + "(application_id, status, occurred_at, actor, action, note, details) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, StatusChange> step : steps) {
                StatusChange change = step.getValue();
                ps.setLong(1, step.getKey());
                ps.setString(2, change.status());
                ps.setTimestamp(3, Jdbc.timestamp(change.at()), Jdbc.UTC.get());
                ps.setString(4, change.actor());
                ps.setString(5, change.action());
                ps.setString(6, change.note());
                ps.setString(7, change.details());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<StoredApplication> findByTrackingNumber(String trackingNumber) {
        // One round trip: the application joined with its history. The few steps are put in order here rather than by
        // ORDER BY, which made the database sort on every read (docs/performance.md).
        return jdbc.read("read application " + trackingNumber, c -> find(c, trackingNumber));
    }

    private Optional<StoredApplication> find(Connection c, String trackingNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", e.id AS event_id, "
                + "e.status AS event_status, e.occurred_at, e.actor, e.action, e.note, e.details "
                + "FROM application a LEFT JOIN application_event e ON e.application_id = a.id "
                + "WHERE a.tracking_number = ?")) {
            ps.setString(1, trackingNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                StoredApplication head = application(rs, List.of());
                List<Step> steps = new ArrayList<>();
                do {
                    if (rs.getString("event_status") != null) {
                        steps.add(new Step(rs.getLong("event_id"), new StatusChange(rs.getString("event_status"),
                                Jdbc.instant(rs.getTimestamp("occurred_at", Jdbc.UTC.get())), rs.getString("actor"),
                                rs.getString("action"), rs.getString("note"), rs.getString("details"))));
                    }
                } while (rs.next());
                steps.sort(Step.IN_ORDER);
                return Optional.of(withHistory(head, steps.stream().map(Step::change).toList()));
            }
        }
    }

    /**
     * A history entry with its row id. Steps are in the order they were written, which is the row ids' order: every
     * writer locks the application's row before it adds a step. Not by their times: each comes from the clock of the
     * node that wrote it, taken before a plugin's hooks ran, and a node whose clock is ahead, or a slow step, would
     * put a claim after the cancellation that followed it.
     */
    private record Step(long id, StatusChange change) {
        static final java.util.Comparator<Step> IN_ORDER = java.util.Comparator.comparingLong(Step::id);
    }

    @Override
    public Optional<ApplicationHead> findHead(String trackingNumber) {
        return jdbc.read("read the status of " + trackingNumber, c -> {
            // the assigned official's display name comes with the row (a primary-key probe, none when unassigned)
            try (PreparedStatement ps = c.prepareStatement("SELECT a.tracking_number, a.service_code, a.region_id, "
                    + "a.authority_id, a.owner, a.status, a.submitted_at, a.updated_at, a.due_at, a.assigned_to, "
                    + "a.escalated_at, n.display_name FROM application a LEFT JOIN staff_name n ON n.account = a.assigned_to "
                    + "WHERE a.tracking_number = ?")) {
                ps.setString(1, trackingNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ApplicationHead(rs.getString(1), rs.getString(2), rs.getString(3),
                            Jdbc.nullableInt(rs, 4), rs.getString(5), rs.getString(6),
                            Jdbc.instant(rs.getTimestamp(7, Jdbc.UTC.get())), Jdbc.instant(rs.getTimestamp(8, Jdbc.UTC.get())),
                            Jdbc.instant(rs.getTimestamp(9, Jdbc.UTC.get())), rs.getString(10),
                            Jdbc.instant(rs.getTimestamp(11, Jdbc.UTC.get())), rs.getString(12)));
                }
            }
        });
    }

    private static StoredApplication application(ResultSet rs, List<StatusChange> history) throws SQLException {
        Instant dueAt = Jdbc.instant(rs.getTimestamp("due_at", Jdbc.UTC.get()));
        return new StoredApplication(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("service_code"),
                rs.getString("region_id"), Jdbc.nullableInt(rs, "place_id"), rs.getString("form_version"),
                rs.getString("plugin_version"), rs.getString("form_data"), rs.getString("status"),
                Jdbc.instant(rs.getTimestamp("submitted_at", Jdbc.UTC.get())),
                Jdbc.instant(rs.getTimestamp("updated_at", Jdbc.UTC.get())), history, rs.getString("owner"),
                Jdbc.nullableInt(rs, "authority_id"), rs.getString("assigned_to"), dueAt, rs.getLong("fee_kopiykas"),
                rs.getString("issued_document"), rs.getInt("row_version"), rs.getInt("attachment_count"),
                Jdbc.instant(rs.getTimestamp("escalated_at", Jdbc.UTC.get())),
                Jdbc.instant(rs.getTimestamp("paused_due_at", Jdbc.UTC.get())));
    }

    private static StoredApplication withHistory(StoredApplication a, List<StatusChange> history) {
        return new StoredApplication(a.id(), a.trackingNumber(), a.serviceCode(), a.regionId(), a.placeId(),
                a.formVersion(), a.pluginVersion(), a.formJson(), a.status(), a.submittedAt(), a.updatedAt(), history,
                a.owner(), a.authorityId(), a.assignedTo(), a.dueAt(), a.feeKopiykas(), a.issuedDocument(), a.version(),
                a.attachmentCount(), a.escalatedAt(), a.pausedDueAt());
    }

    @Override
    public List<StoredApplication> findByOwner(String owner, ListPosition after, int limit) {
        return jdbc.read("list applications", c -> {
            // newest first: after a position means submitted earlier, or at the same time with a smaller id
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM application a "
                    + "WHERE a.owner = ? "
                    + (after == null ? "" : "AND (a.submitted_at < ? OR (a.submitted_at = ? AND a.id < ?)) ")
                    + "ORDER BY a.submitted_at DESC, a.id DESC" + Jdbc.FIRST_ROWS)) {
                ps.setString(1, owner);
                if (after != null) {
                    Timestamp at = Jdbc.timestamp(after.at());
                    ps.setTimestamp(2, at, Jdbc.UTC.get());
                    ps.setTimestamp(3, at, Jdbc.UTC.get());
                    ps.setLong(4, after.id());
                }
                ps.setInt(after == null ? 2 : 5, limit);
                return list(ps);
            }
        });
    }

    @Override
    public List<StoredApplication> queue(QueueQuery query) {
        if (query.authorityIds().isEmpty() || query.statuses().isEmpty()) {
            return List.of();
        }
        QueueStatement statement = QueueStatement.of(query, COLUMNS);
        return jdbc.read("read the queue", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                statement.bind(ps);
                return list(ps);
            }
        });
    }

    private static List<StoredApplication> list(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<StoredApplication> applications = new ArrayList<>();
            while (rs.next()) {
                applications.add(application(rs, List.of()));
            }
            return applications;
        }
    }

    @Override
    public StoredApplication change(String trackingNumber, StateChange change, List<OutboxMessage> notifications) {
        return jdbc.inTransaction("change application " + trackingNumber, c -> {
            StatsRollup.Facts before = StatsRollup.read(c, trackingNumber)
                    .orElseThrow(() -> new ConcurrentChangeException(trackingNumber));
            long id = before.id();
            // Only the columns the step changes: no untyped parameters, which PostgreSQL cannot type. A new status
            // starts a new step (escalation rules may fire again) and ends the escalated mark of the old one; the
            // CASEs read the row as it was before this update.
            String sql = "UPDATE application SET step_no = CASE WHEN status = ? THEN step_no ELSE step_no + 1 END, "
                    + "escalated_at = CASE WHEN status = ? THEN escalated_at ELSE NULL END, "
                    + "status = ?, due_at = ?, paused_due_at = ?, assigned_to = ?, updated_at = ?, "
                    + (change.formJson() == null ? "" : "form_data = ?, ")
                    + (change.issuedDocument() == null ? "" : "issued_document = ?, ")
                    + (change.feeKopiykas() == null ? "" : "fee_kopiykas = ?, ")
                    + "row_version = row_version + 1 WHERE id = ? AND row_version = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, change.status());
                ps.setString(i++, change.status());
                ps.setString(i++, change.status());
                ps.setTimestamp(i++, change.dueAt() == null ? null : Jdbc.timestamp(change.dueAt()), Jdbc.UTC.get());
                ps.setTimestamp(i++, change.pausedDueAt() == null ? null : Jdbc.timestamp(change.pausedDueAt()),
                        Jdbc.UTC.get());
                ps.setString(i++, change.assignedTo());
                ps.setTimestamp(i++, Jdbc.timestamp(change.event().at()), Jdbc.UTC.get());
                if (change.formJson() != null) {
                    ps.setString(i++, change.formJson());
                }
                if (change.issuedDocument() != null) {
                    ps.setString(i++, change.issuedDocument());
                }
                if (change.feeKopiykas() != null) {
                    ps.setLong(i++, change.feeKopiykas());
                }
                ps.setLong(i++, id);
                ps.setInt(i, change.expectedVersion());
                if (ps.executeUpdate() == 0) {
                    throw new ConcurrentChangeException(trackingNumber);
                }
            }
            appendEvent(c, id, change.event());
            AuditChain.append(c, dialect, change.audit());
            JdbcOutboxStore.insertAll(c, notifications, change.event().at());
            StatsRollup.changed(c, dialect, before, before.after(change));
            // Read back in the same transaction: a read after the commit that failed would make a stored step look
            // like one not taken, and its repetition a 409 (or a second reassignment).
            return find(c, trackingNumber).orElseThrow();
        });
    }

    @Override
    public void audit(AuditEntry entry) {
        audit(List.of(entry));
    }

    @Override
    public void audit(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.inTransaction("write the audit trail", c -> {
            AuditChain.appendAll(c, dialect, entries);
            return null;
        });
    }

    @Override
    public List<AuditEntry> auditTrail(String subject, int limit) {
        return jdbc.read("read the audit trail of " + subject, c -> {
            // ix_audit_subject finds them. An application's entries share one chain (AuditChain.chainOf), whose seq
            // is the order they were written in, whatever the clocks of the nodes that wrote them said. Newest
            // first, so a long trail keeps its latest entries (the reads that matter most) and drops its oldest.
            try (PreparedStatement ps = c.prepareStatement("SELECT occurred_at, actor, action, subject, detail FROM audit_log "
                    + "WHERE subject = ? ORDER BY chain DESC, seq DESC" + Jdbc.FIRST_ROWS)) {
                ps.setString(1, subject);
                ps.setInt(2, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(Jdbc.instant(rs.getTimestamp(1, Jdbc.UTC.get())), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                java.util.Collections.reverse(entries);
                return entries;
            }
        });
    }

    @Override
    public AuditVerification verifyAudit() {
        return jdbc.readStreaming("verify the audit trail", AuditChain::verify); // a chain may be millions of rows
    }

    @Override
    public Optional<String> formSchema(String serviceCode, String formVersion) {
        return formVersionText("json_schema", serviceCode, formVersion);
    }

    @Override
    public Optional<String> workflow(String serviceCode, String formVersion) {
        return formVersionText("workflow", serviceCode, formVersion);
    }

    @Override
    public Map<String, String> workflows(String serviceCode) {
        return jdbc.read("read the workflows of " + serviceCode, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT form_version, workflow FROM form_version "
                    + "WHERE service_code = ? AND workflow IS NOT NULL ORDER BY form_version")) {
                ps.setString(1, serviceCode);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, String> workflows = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        workflows.put(rs.getString(1), rs.getString(2));
                    }
                    return workflows;
                }
            }
        });
    }

    /** One text column of a form version's row; {@code column} is one of this class's constants, never input. */
    private Optional<String> formVersionText(String column, String serviceCode, String formVersion) {
        return jdbc.read("read " + column + " of " + serviceCode + " " + formVersion, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + column + " FROM form_version WHERE service_code = ? AND form_version = ?")) {
                ps.setString(1, serviceCode);
                ps.setString(2, formVersion);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Attachment attach(String trackingNumber, int readVersion, int readAttachmentCount, String fileName,
                             String mediaType, byte[] content, String sha256, AuditEntry audit) {
        return jdbc.inTransaction("attach a file to " + trackingNumber, c -> {
            // counted first: the row lock it takes holds off a step (and another upload) until this commits
            try (PreparedStatement ps = c.prepareStatement("UPDATE application SET attachment_count = attachment_count + 1 "
                    + "WHERE tracking_number = ? AND row_version = ? AND attachment_count = ?")) {
                ps.setString(1, trackingNumber);
                ps.setInt(2, readVersion);
                ps.setInt(3, readAttachmentCount);
                if (ps.executeUpdate() != 1) {
                    throw new ConcurrentChangeException(trackingNumber);
                }
            }
            long applicationId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM application WHERE tracking_number = ?")) {
                ps.setString(1, trackingNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    applicationId = rs.getLong(1);
                }
            }
            Instant at = audit.at();
            long id;
            try (PreparedStatement ps = SqlDialect.insertReturningId(c, "INSERT INTO attachment (application_id, "
                    + "file_name, media_type, size_bytes, sha256, content, uploaded_at, uploaded_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, applicationId);
                ps.setString(2, fileName);
                ps.setString(3, mediaType);
                ps.setLong(4, content.length);
                ps.setString(5, sha256);
                ps.setBytes(6, content);
                ps.setTimestamp(7, Jdbc.timestamp(at), Jdbc.UTC.get());
                ps.setString(8, audit.actor());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            AuditChain.append(c, dialect, audit);
            return new Attachment(id, fileName, mediaType, content.length, sha256, at, audit.actor());
        });
    }

    @Override
    public Optional<AttachmentFile> attachment(String trackingNumber, long attachmentId) {
        return jdbc.read("read attachment " + attachmentId + " of " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.file_name, t.media_type, t.size_bytes, t.sha256, "
                    + "t.uploaded_at, t.uploaded_by, t.content FROM attachment t JOIN application a ON a.id = t.application_id "
                    + "WHERE a.tracking_number = ? AND t.id = ?")) {
                ps.setString(1, trackingNumber);
                ps.setLong(2, attachmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Attachment file = new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), Jdbc.instant(rs.getTimestamp(6, Jdbc.UTC.get())), rs.getString(7));
                    return Optional.of(new AttachmentFile(file, rs.getBytes(8)));
                }
            }
        });
    }

    @Override
    public List<Attachment> attachments(String trackingNumber) {
        return jdbc.read("list attachments of " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.file_name, t.media_type, t.size_bytes, t.sha256, "
                    + "t.uploaded_at, t.uploaded_by FROM attachment t JOIN application a ON a.id = t.application_id "
                    + "WHERE a.tracking_number = ? ORDER BY t.id")) {
                ps.setString(1, trackingNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Attachment> files = new ArrayList<>();
                    while (rs.next()) {
                        files.add(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), Jdbc.instant(rs.getTimestamp(6, Jdbc.UTC.get())), rs.getString(7)));
                    }
                    return files;
                }
            }
        });
    }

    @Override
    public void rememberServiceType(ServiceTypeRecord type) {
        Instant now = clock.instant();
        jdbc.inTransaction("remember service type " + type.code(), c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE service_type SET name_uk = ?, name_en = ?, "
                    + "form_version = ?, plugin_version = ?, updated_at = ? WHERE code = ?")) {
                ps.setString(1, type.nameUk());
                ps.setString(2, type.nameEn());
                ps.setString(3, type.formVersion());
                ps.setString(4, type.pluginVersion());
                ps.setTimestamp(5, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setString(6, type.code());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_type "
                        + "(code, name_uk, name_en, form_version, plugin_version, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, type.code());
                    ps.setString(2, type.nameUk());
                    ps.setString(3, type.nameEn());
                    ps.setString(4, type.formVersion());
                    ps.setString(5, type.pluginVersion());
                    ps.setTimestamp(6, Jdbc.timestamp(now), Jdbc.UTC.get());
                    ps.executeUpdate();
                }
            }
            if (!formVersionKnown(c, type.code(), type.formVersion())) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO form_version (service_code, form_version, "
                        + "plugin_version, json_schema, first_seen_at, workflow) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, type.code());
                    ps.setString(2, type.formVersion());
                    ps.setString(3, type.pluginVersion());
                    ps.setString(4, type.formSchema());
                    ps.setTimestamp(5, Jdbc.timestamp(now), Jdbc.UTC.get());
                    ps.setString(6, type.workflowJson());
                    ps.executeUpdate();
                }
            } else if (type.workflowJson() != null) {
                // a form version recorded before workflows were stored gets the one it is served with now
                try (PreparedStatement ps = c.prepareStatement("UPDATE form_version SET workflow = ? "
                        + "WHERE service_code = ? AND form_version = ? AND workflow IS NULL")) {
                    ps.setString(1, type.workflowJson());
                    ps.setString(2, type.code());
                    ps.setString(3, type.formVersion());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static boolean formVersionKnown(Connection c, String code, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM form_version WHERE service_code = ? AND form_version = ?")) {
            ps.setString(1, code);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<ServiceTypeRecord> findServiceType(String code) {
        return jdbc.read("read service type " + code, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.code, t.name_uk, t.name_en, t.form_version, "
                    + "t.plugin_version, f.json_schema, f.workflow FROM service_type t JOIN form_version f "
                    + "ON f.service_code = t.code AND f.form_version = t.form_version WHERE t.code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ServiceTypeRecord(rs.getString("code"), rs.getString("name_uk"),
                            rs.getString("name_en"), rs.getString("form_version"), rs.getString("json_schema"),
                            rs.getString("plugin_version"), rs.getString("workflow")));
                }
            }
        });
    }

    @Override
    public long countApplications() {
        return jdbc.read("count applications", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM application")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
