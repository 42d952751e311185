package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import ua.igov.platform.store.StoreException;

/**
 * Brings the database schema up to date with Liquibase, one node at a time (see {@link #migrate}).
 */
final class SchemaMigrator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SchemaMigrator.class);
    static final String CHANGELOG = "ua/igov/platform/store/db/changelog.xml";

    private SchemaMigrator() {
    }

    /** The PostgreSQL advisory lock under which one node at a time migrates: a key of this platform's own. */
    static final long MIGRATION_LOCK = 0x69676f764d494752L; // "igovMIGR"

    /**
     * Migrates. On PostgreSQL, which several nodes share, a node first takes a session advisory lock and so waits
     * while another migrates: Liquibase's own lock does not cover what it does before taking it (creating its tables,
     * reading what has run), and nodes starting together on an empty database collided there ("databasechangelog
     * already exists", or a changeset run twice). An advisory lock dies with its connection. Embedded Derby belongs to
     * one JVM, where a lock of this class is enough: two migrations there at once (a data source replaced while the
     * old one still migrates) collide in the same way.
     *
     * <p>Liquibase's own lock is a row it commits, and a node killed while migrating leaves it set for good: every
     * node would then wait for it and fail, and the store would stay down everywhere until someone cleared it by
     * hand. Under the platform's lock nobody else can be migrating, so a Liquibase lock found there is left over and
     * is released (and logged).
     */
    static void migrate(DataSource dataSource) {
        withLiquibase(dataSource, "migrate its schema", (liquibase, connection) -> {
            boolean shared = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            if (!shared) {
                synchronized (SchemaMigrator.class) {
                    releaseLeftOverLock(liquibase);
                    liquibase.update(new Contexts(), new LabelExpression());
                }
                return null;
            }
            advisory(connection, "pg_advisory_lock");
            try {
                releaseLeftOverLock(liquibase);
                liquibase.update(new Contexts(), new LabelExpression());
            } finally {
                unlock(connection);
            }
            return null;
        });
    }

    /** Called only while holding the platform's migration lock: see {@link #migrate}. */
    private static void releaseLeftOverLock(Liquibase liquibase) throws LiquibaseException {
        DatabaseChangeLogLock[] left = liquibase.listLocks();
        if (left.length > 0) {
            LOG.warn("A schema migration that did not finish left its lock (taken by {} at {}); no migration is "
                    + "running now, so it is released and this node migrates", left[0].getLockedBy(),
                    left[0].getLockGranted());
            liquibase.forceReleaseLocks();
        }
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, MIGRATION_LOCK);
            ps.execute();
        }
    }

    /**
     * Gives the advisory lock back before the connection returns to the pool; if that fails, the connection is
     * closed for good, since a pooled connection holding it would keep every other node from starting.
     */
    private static void unlock(Connection connection) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // after a failed changeset the transaction is aborted and takes no statement
            }
            advisory(connection, "pg_advisory_unlock");
        } catch (SQLException e) {
            LOG.error("The migration lock could not be given back ({}); its connection is closed instead", e.getMessage());
            connection.abort(Runnable::run);
        }
    }

    /** The ids of the changesets of the platform's changelog that this database has not run (empty when current). */
    static List<String> pending(DataSource dataSource) {
        return withLiquibase(dataSource, "read its migrations", (liquibase, connection) ->
                liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream().map(ChangeSet::getId).toList());
    }

    interface LiquibaseWork<T> {
        T run(Liquibase liquibase, Connection connection) throws Exception;
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
                return work.run(new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(bundleLoader), database), connection);
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
