package ua.igov.platform.core.internal;

import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.ClusterStore;
import ua.igov.platform.store.EscalationStore;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.RatingStore;
import ua.igov.platform.store.StaffDirectory;
import ua.igov.platform.store.StaffLoginStore;
import ua.igov.platform.store.StatisticsStore;
import ua.igov.platform.store.internal.JdbcApplicationStore;
import ua.igov.platform.store.internal.JdbcCatalogueStore;
import ua.igov.platform.store.internal.JdbcClusterStore;
import ua.igov.platform.store.internal.JdbcEscalationStore;
import ua.igov.platform.store.internal.JdbcOutboxStore;
import ua.igov.platform.store.internal.JdbcRatingStore;
import ua.igov.platform.store.internal.JdbcStaffDirectory;
import ua.igov.platform.store.internal.JdbcStaffLoginStore;
import ua.igov.platform.store.internal.JdbcStatisticsStore;
import ua.igov.platform.store.internal.MigratedDatabase;

/** The real stores on a fresh in-memory Derby database: the core's tests run against what production runs. */
final class DerbyStores {

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final ApplicationStore applications;
    final CatalogueStore catalogue;
    final OutboxStore outbox;
    final EscalationStore escalations;
    final ClusterStore cluster;
    final StatisticsStore statistics;
    final RatingStore ratings;
    final StaffLoginStore staffLogins;
    final StaffDirectory staffNames;

    DerbyStores() {
        dataSource.setDatabaseName("memory:core-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        MigratedDatabase database = new MigratedDatabase(dataSource);
        applications = new JdbcApplicationStore(database);
        catalogue = new JdbcCatalogueStore(database);
        outbox = new JdbcOutboxStore(database);
        escalations = new JdbcEscalationStore(database);
        cluster = new JdbcClusterStore(database);
        statistics = new JdbcStatisticsStore(database);
        ratings = new JdbcRatingStore(database);
        staffLogins = new JdbcStaffLoginStore(database);
        staffNames = new JdbcStaffDirectory(database);
    }

    /** Another node's failed-login store on the same database. */
    StaffLoginStore anotherNodesStaffLogins() {
        return new JdbcStaffLoginStore(new MigratedDatabase(dataSource));
    }

    /** Another node's escalation store on the same database: its own component instance, the same data. */
    EscalationStore anotherNodesEscalations() {
        return new JdbcEscalationStore(new MigratedDatabase(dataSource));
    }
}
