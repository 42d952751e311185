package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import ua.igov.platform.store.StoreException;

/**
 * Brings the database schema up to date with Liquibase. Liquibase's lock table keeps nodes from running changesets at
 * the same moment; what collides before the lock (its own tables, a changeset run while another node waited) is
 * tried again.
 */
final class SchemaMigrator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SchemaMigrator.class);
    static final String CHANGELOG = "ua/igov/platform/store/db/changelog.xml";

    private SchemaMigrator() {
    }

    /** How often a migration is tried before the store gives up. */
    static final int ATTEMPTS = 3;

    static void migrate(DataSource dataSource) {
        for (int attempt = 1; ; attempt++) {
            try {
                withLiquibase(dataSource, "migrate its schema", liquibase -> {
                    liquibase.update(new Contexts(), new LabelExpression());
                    return null;
                });
                return;
            } catch (StoreException e) {
                // Nodes starting together on an empty database collide before Liquibase's lock holds: over its own
                // tables ("databasechangelog already exists"), or over a changeset another node ran while this one
                // waited for the lock (it read what had run before waiting). A failed changeset rolls back whole,
                // and the next attempt reads what has run now.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Schema migration attempt {} of {} failed, trying again (another node may be migrating the "
                        + "same database): {}", attempt, ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(500));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while migrating the schema", interrupted);
        }
    }

    /** The ids of the changesets of the platform's changelog that this database has not run (empty when current). */
    static List<String> pending(DataSource dataSource) {
        return withLiquibase(dataSource, "read its migrations", liquibase ->
                liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream().map(ChangeSet::getId).toList());
    }

    interface LiquibaseWork<T> {
        T run(Liquibase liquibase) throws Exception;
    }

    private static <T> T withLiquibase(DataSource dataSource, String what, LiquibaseWork<T> work) {
        // Liquibase is embedded in this bundle: point its service lookups at our class loader, and keep it
        // from phoning home (the runtime has no network).
        ClassLoader bundleLoader = SchemaMigrator.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.classLoader.name(), bundleLoader,
                Scope.Attr.ui.name(), new LoggerUIService(), // to the log, not to the console
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false,
                "liquibase.secureParsing", true);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try (Connection connection = dataSource.getConnection()) {
            T result = Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                return work.run(new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(bundleLoader), database));
            });
            // Liquibase leaves its last (read-only) check open when there was nothing to do.
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database to " + what, e);
        } catch (Exception e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
