package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    /**
     * Nodes started together on an empty database (a cluster's first start) must all come up: one migrates, the
     * others find the schema current. Liquibase can trip over its own tables being created by another node at the
     * same moment; the migration then runs again.
     */
    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllComeUp() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 4; round++) {
                DataSource empty = TestDatabases.freshDataSource();
                CyclicBarrier together = new CyclicBarrier(3);
                List<Future<?>> starts = List.of(
                        nodes.submit(() -> { together.await(); SchemaMigrator.migrate(empty); return null; }),
                        nodes.submit(() -> { together.await(); SchemaMigrator.migrate(empty); return null; }),
                        nodes.submit(() -> { together.await(); SchemaMigrator.migrate(empty); return null; }));
                for (Future<?> start : starts) {
                    start.get(); // throws if that node's migration failed
                }
                assertEquals(List.of(), SchemaMigrator.pending(empty), "round " + round);
            }
        } finally {
            nodes.shutdownNow();
        }
    }
}
