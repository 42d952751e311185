package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.OfferingState;
import ua.igov.platform.store.OfferingStatusChange;

/** Offering availability and its history, on the platform's database. */
@Component(service = CatalogueStore.class)
public class JdbcCatalogueStore implements CatalogueStore {

    private final Jdbc jdbc;

    @Activate
    public JdbcCatalogueStore(@Reference Database database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public int recordCatalogue(String regionId, String version, List<OfferingState> offerings, Instant at) {
        return jdbc.inTransaction("record the catalogue of " + regionId, c -> {
            Map<Integer, OfferingState> now = new HashMap<>();
            for (OfferingState offering : offerings) {
                now.putIfAbsent(offering.offeringId(), offering);
            }
            // The region's row first: its lock makes another node recording the same region at the same moment wait,
            // and then read the states this one wrote, so no change goes into the history twice. Two first
            // recordings collide on its key instead, and the caller's retry finds the row.
            upsertCatalogueVersion(c, regionId, version, now.size(), at);
            Map<Integer, OfferingState> recorded = recordedStates(c, regionId);
            int changes = 0;
            for (OfferingState offering : now.values()) {
                OfferingState before = recorded.get(offering.offeringId());
                if (before == null) {
                    insertState(c, regionId, offering, at);
                } else if (!before.availability().equals(offering.availability())
                        || before.serviceId() != offering.serviceId()
                        || !Objects.equals(before.placeId(), offering.placeId())) {
                    updateState(c, regionId, offering, at);
                } else {
                    continue;
                }
                appendHistory(c, regionId, offering, before == null ? null : before.availability(),
                        offering.availability(), version, at);
                changes++;
            }
            for (OfferingState before : recorded.values()) {
                if (!now.containsKey(before.offeringId()) && !WITHDRAWN.equals(before.availability())) {
                    OfferingState withdrawn = new OfferingState(before.offeringId(), before.serviceId(), before.placeId(), WITHDRAWN);
                    updateState(c, regionId, withdrawn, at);
                    appendHistory(c, regionId, withdrawn, before.availability(), WITHDRAWN, version, at);
                    changes++;
                }
            }
            return changes;
        });
    }

    private static Map<Integer, OfferingState> recordedStates(Connection c, String regionId) throws SQLException {
        Map<Integer, OfferingState> states = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT offering_id, service_id, place_id, availability FROM offering_state WHERE region_id = ?")) {
            ps.setString(1, regionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getInt(1), new OfferingState(rs.getInt(1), rs.getInt(2), Jdbc.nullableInt(rs, "place_id"),
                            rs.getString(4)));
                }
            }
        }
        return states;
    }

    private static void insertState(Connection c, String regionId, OfferingState o, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO offering_state "
                + "(region_id, offering_id, service_id, place_id, availability, since) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, regionId);
            ps.setInt(2, o.offeringId());
            ps.setInt(3, o.serviceId());
            Jdbc.setNullableInt(ps, 4, o.placeId());
            ps.setString(5, o.availability());
            ps.setTimestamp(6, Jdbc.timestamp(at), Jdbc.UTC.get());
            ps.executeUpdate();
        }
    }

    private static void updateState(Connection c, String regionId, OfferingState o, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE offering_state SET service_id = ?, place_id = ?, "
                + "availability = ?, since = ? WHERE region_id = ? AND offering_id = ?")) {
            ps.setInt(1, o.serviceId());
            Jdbc.setNullableInt(ps, 2, o.placeId());
            ps.setString(3, o.availability());
            ps.setTimestamp(4, Jdbc.timestamp(at), Jdbc.UTC.get());
            ps.setString(5, regionId);
            ps.setInt(6, o.offeringId());
            ps.executeUpdate();
        }
    }

    private static void appendHistory(Connection c, String regionId, OfferingState o, String from, String to,
                                      String version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO offering_history (region_id, offering_id, "
                + "service_id, place_id, from_availability, to_availability, catalogue_version, changed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, regionId);
            ps.setInt(2, o.offeringId());
            ps.setInt(3, o.serviceId());
            Jdbc.setNullableInt(ps, 4, o.placeId());
            ps.setString(5, from);
            ps.setString(6, to);
            ps.setString(7, version);
            ps.setTimestamp(8, Jdbc.timestamp(at), Jdbc.UTC.get());
            ps.executeUpdate();
        }
    }

    private static void upsertCatalogueVersion(Connection c, String regionId, String version, int offerings, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE region_catalogue SET version = ?, offerings = ?, applied_at = ? WHERE region_id = ?")) {
            ps.setString(1, version);
            ps.setInt(2, offerings);
            ps.setTimestamp(3, Jdbc.timestamp(at), Jdbc.UTC.get());
            ps.setString(4, regionId);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO region_catalogue (region_id, version, offerings, applied_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, regionId);
            ps.setString(2, version);
            ps.setInt(3, offerings);
            ps.setTimestamp(4, Jdbc.timestamp(at), Jdbc.UTC.get());
            ps.executeUpdate();
        }
    }

    @Override
    public List<OfferingStatusChange> offeringHistory(String regionId, int offeringId) {
        return jdbc.read("read the history of offering " + offeringId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT offering_id, service_id, place_id, from_availability, "
                    + "to_availability, catalogue_version, changed_at FROM offering_history "
                    + "WHERE region_id = ? AND offering_id = ? ORDER BY changed_at, id")) {
                ps.setString(1, regionId);
                ps.setInt(2, offeringId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OfferingStatusChange> history = new ArrayList<>();
                    while (rs.next()) {
                        history.add(new OfferingStatusChange(rs.getInt("offering_id"), rs.getInt("service_id"),
                                Jdbc.nullableInt(rs, "place_id"), rs.getString("from_availability"),
                                rs.getString("to_availability"), rs.getString("catalogue_version"),
                                Jdbc.instant(rs.getTimestamp("changed_at", Jdbc.UTC.get()))));
                    }
                    return history;
                }
            }
        });
    }

    @Override
    public Map<Integer, Long> applicationCounts(String regionId) {
        return jdbc.read("count applications by service", c -> {
            String sql = "SELECT catalogue_service_id, COUNT(*) FROM application WHERE catalogue_service_id IS NOT NULL"
                    + (regionId == null ? "" : " AND region_id = ?") + " GROUP BY catalogue_service_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (regionId != null) {
                    ps.setString(1, regionId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    Map<Integer, Long> counts = new HashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getInt(1), rs.getLong(2));
                    }
                    return counts;
                }
            }
        });
    }
}
