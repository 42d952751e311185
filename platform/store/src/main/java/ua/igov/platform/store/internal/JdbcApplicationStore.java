package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

/**
 * The application store on any JDBC database the platform supports. It keeps no state of its own between calls:
 * every answer comes from the database, so any number of nodes can share it.
 *
 * <p>The data source is the one named {@code igov} (see {@code etc/org.ops4j.datasource-igov.cfg}); an operator can
 * point the store elsewhere with {@code dataSource.target} in {@code etc/ua.igov.platform.store.cfg}.
 */
@Component(service = ApplicationStore.class, configurationPid = "ua.igov.platform.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class JdbcApplicationStore implements ApplicationStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcApplicationStore.class);
    private static final String APPLICATION_COLUMNS = "id, tracking_number, service_code, region_id, place_id, "
            + "form_version, plugin_version, form_data, status, submitted_at, updated_at";

    private final Jdbc jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    @Activate
    public JdbcApplicationStore(@Reference(name = "dataSource", target = "(dataSourceName=igov)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JdbcApplicationStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        SchemaMigrator.migrate(dataSource);
        this.dialect = jdbc.read("read the database's product name",
                c -> SqlDialect.forProduct(c.getMetaData().getDatabaseProductName()));
        LOG.info("Application store ready on {} (schema up to date)", dialect);
    }

    @Override
    public long nextApplicationNumber() {
        return jdbc.read("allocate an application number", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery(dialect.nextValue("application_number_seq"))) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public StoredApplication insert(NewApplication app) {
        return jdbc.inTransaction("store application " + app.trackingNumber(), c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO application (tracking_number, service_code, "
                    + "region_id, place_id, form_version, plugin_version, form_data, status, submitted_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, app.trackingNumber());
                ps.setString(2, app.serviceCode());
                ps.setString(3, app.regionId());
                setNullableInt(ps, 4, app.placeId());
                ps.setString(5, app.formVersion());
                ps.setString(6, app.pluginVersion());
                ps.setString(7, app.formJson());
                ps.setString(8, app.firstStatus().status());
                ps.setTimestamp(9, Jdbc.timestamp(app.submittedAt()), Jdbc.UTC.get());
                ps.setTimestamp(10, Jdbc.timestamp(app.submittedAt()), Jdbc.UTC.get());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            appendEvent(c, id, app.firstStatus());
            return new StoredApplication(id, app.trackingNumber(), app.serviceCode(), app.regionId(), app.placeId(),
                    app.formVersion(), app.pluginVersion(), app.formJson(), app.firstStatus().status(),
                    app.submittedAt(), app.submittedAt(), List.of(app.firstStatus()));
        });
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
        return jdbc.read("read application " + trackingNumber, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + APPLICATION_COLUMNS + " FROM application WHERE tracking_number = ?")) {
                ps.setString(1, trackingNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long id = rs.getLong("id");
                    return Optional.of(new StoredApplication(id, rs.getString("tracking_number"),
                            rs.getString("service_code"), rs.getString("region_id"), nullableInt(rs, "place_id"),
                            rs.getString("form_version"), rs.getString("plugin_version"), rs.getString("form_data"),
                            rs.getString("status"), Jdbc.instant(rs.getTimestamp("submitted_at", Jdbc.UTC.get())),
                            Jdbc.instant(rs.getTimestamp("updated_at", Jdbc.UTC.get())), history(c, id)));
                }
            }
        });
    }

    private static List<StatusChange> history(Connection c, long applicationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status, occurred_at, actor, note FROM application_event "
                + "WHERE application_id = ? ORDER BY occurred_at, id")) {
            ps.setLong(1, applicationId);
            try (ResultSet rs = ps.executeQuery()) {
                List<StatusChange> history = new ArrayList<>();
                while (rs.next()) {
                    history.add(new StatusChange(rs.getString("status"),
                            Jdbc.instant(rs.getTimestamp("occurred_at", Jdbc.UTC.get())),
                            rs.getString("actor"), rs.getString("note")));
                }
                return history;
            }
        }
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

    private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

}
