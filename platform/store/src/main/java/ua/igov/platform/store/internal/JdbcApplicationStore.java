package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/**
 * The application store on any JDBC database the platform supports. It keeps no state of its own between calls:
 * every answer comes from the database, so any number of nodes can share it.
 */
@Component(service = ApplicationStore.class)
public class JdbcApplicationStore implements ApplicationStore {

    private final Jdbc jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    @Activate
    public JdbcApplicationStore(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    JdbcApplicationStore(Database database, Clock clock) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
        this.clock = clock;
    }

    @Override
    public StoredApplication insert(NewApplication app, LongFunction<String> trackingNumbers) {
        return jdbc.inTransaction("store an application for " + app.serviceCode(), c -> {
            String trackingNumber = trackingNumbers.apply(nextApplicationNumber(c));
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO application (tracking_number, service_code, "
                    + "region_id, place_id, catalogue_service_id, offering_id, form_version, plugin_version, form_data, "
                    + "status, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
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
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            appendEvent(c, id, app.firstStatus());
            return new StoredApplication(id, trackingNumber, app.serviceCode(), app.regionId(), app.placeId(),
                    app.formVersion(), app.pluginVersion(), app.formJson(), app.firstStatus().status(),
                    app.submittedAt(), app.submittedAt(), List.of(app.firstStatus()));
        });
    }

    private long nextApplicationNumber(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery(dialect.nextValue("application_number_seq"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void appendEvent(Connection c, long applicationId, StatusChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO application_event "
                + "(application_id, status, occurred_at, actor, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, applicationId);
            ps.setString(2, change.status());
            ps.setTimestamp(3, Jdbc.timestamp(change.at()), Jdbc.UTC.get());
            ps.setString(4, change.actor());
            ps.setString(5, change.note());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<StoredApplication> findByTrackingNumber(String trackingNumber) {
        // One round trip: the application joined with its history, oldest step first.
        return jdbc.read("read application " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.tracking_number, a.service_code, "
                    + "a.region_id, a.place_id, a.form_version, a.plugin_version, a.form_data, a.status, a.submitted_at, "
                    + "a.updated_at, e.status AS event_status, e.occurred_at, e.actor, e.note "
                    + "FROM application a LEFT JOIN application_event e ON e.application_id = a.id "
                    + "WHERE a.tracking_number = ? ORDER BY e.occurred_at, e.id")) {
                ps.setString(1, trackingNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long id = rs.getLong("id");
                    String tracking = rs.getString("tracking_number");
                    String serviceCode = rs.getString("service_code");
                    String regionId = rs.getString("region_id");
                    Integer placeId = Jdbc.nullableInt(rs, "place_id");
                    String formVersion = rs.getString("form_version");
                    String pluginVersion = rs.getString("plugin_version");
                    String formData = rs.getString("form_data");
                    String status = rs.getString("status");
                    Instant submittedAt = Jdbc.instant(rs.getTimestamp("submitted_at", Jdbc.UTC.get()));
                    Instant updatedAt = Jdbc.instant(rs.getTimestamp("updated_at", Jdbc.UTC.get()));
                    List<StatusChange> history = new ArrayList<>();
                    do {
                        if (rs.getString("event_status") != null) {
                            history.add(new StatusChange(rs.getString("event_status"),
                                    Jdbc.instant(rs.getTimestamp("occurred_at", Jdbc.UTC.get())),
                                    rs.getString("actor"), rs.getString("note")));
                        }
                    } while (rs.next());
                    return Optional.of(new StoredApplication(id, tracking, serviceCode, regionId, placeId, formVersion,
                            pluginVersion, formData, status, submittedAt, updatedAt, history));
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
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO form_version "
                        + "(service_code, form_version, plugin_version, json_schema, first_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, type.code());
                    ps.setString(2, type.formVersion());
                    ps.setString(3, type.pluginVersion());
                    ps.setString(4, type.formSchema());
                    ps.setTimestamp(5, Jdbc.timestamp(now), Jdbc.UTC.get());
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
                    + "t.plugin_version, f.json_schema FROM service_type t JOIN form_version f "
                    + "ON f.service_code = t.code AND f.form_version = t.form_version WHERE t.code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ServiceTypeRecord(rs.getString("code"), rs.getString("name_uk"),
                            rs.getString("name_en"), rs.getString("form_version"), rs.getString("json_schema"),
                            rs.getString("plugin_version")));
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
