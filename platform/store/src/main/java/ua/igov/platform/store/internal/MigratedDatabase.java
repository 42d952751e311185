package ua.igov.platform.store.internal;

import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.store.SchemaStatus;

/**
 * Migrates the schema of the data source named {@code igov} (see {@code etc/org.ops4j.datasource-igov.cfg}) and
 * only then offers it to the stores. An operator can point it elsewhere with {@code dataSource.target} in
 * {@code etc/ua.igov.platform.store.cfg}.
 */
@Component(service = {Database.class, SchemaStatus.class}, configurationPid = "ua.igov.platform.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class MigratedDatabase implements Database, SchemaStatus {

    private static final Logger LOG = LoggerFactory.getLogger(MigratedDatabase.class);

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public MigratedDatabase(@Reference(name = "dataSource", target = "(dataSourceName=igov)") DataSource dataSource) {
        SchemaMigrator.migrate(dataSource);
        this.jdbc = new Jdbc(dataSource);
        this.dialect = jdbc.read("read the database's product name",
                c -> SqlDialect.forProduct(c.getMetaData().getDatabaseProductName()));
        backfillStatistics();
        LOG.info("Database ready on {} (schema up to date)", dialect);
    }

    /**
     * Rolls up the applications stored before statistics existed, once: the first node to flip the flag does it in
     * the same transaction, and the others wait on that row and then find nothing to do.
     */
    private void backfillStatistics() {
        long applications = jdbc.inTransaction("roll up the statistics of earlier applications", c -> {
            try (java.sql.Statement s = c.createStatement()) {
                if (s.executeUpdate("UPDATE stats_backfill SET done = 1 WHERE id = 1 AND done = 0") == 0) {
                    return -1L;
                }
            }
            return StatsRollup.rebuild(c);
        });
        if (applications >= 0) {
            LOG.info("Statistics rolled up for {} applications stored before them", applications);
        }
    }

    @Override
    public List<String> pendingChangeSets() {
        return SchemaMigrator.pending(jdbc.dataSource());
    }

    @Override
    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }
}
