package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The same assembly on PostgreSQL, switched by editing the data-source file alone: the schema is migrated, and an
 * application walks from submission to issue with its audit trail intact. Runs under the {@code postgresql} profile
 * (bash .ci/run), against the server named by {@code IGOV_TEST_POSTGRES_URL}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends PlatformTestSupport {

    @Override
    @Configuration
    public Option[] config() {
        String server = System.getenv("IGOV_TEST_POSTGRES_URL");
        if (server == null) {
            throw new IllegalStateException("IGOV_TEST_POSTGRES_URL is not set: run the tests with bash .ci/run");
        }
        String database = "igov_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
        String url = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Option[] base = super.config();
        Option[] all = Arrays.copyOf(base, base.length + 3);
        // exactly what an operator edits: the driver, the url and the pool's test of etc/org.ops4j.datasource-igov.cfg
        all[base.length] = editConfigurationFilePut("etc/org.ops4j.datasource-igov.cfg", "osgi.jdbc.driver.name",
                "PostgreSQL JDBC Driver");
        all[base.length + 1] = editConfigurationFilePut("etc/org.ops4j.datasource-igov.cfg", "url", url);
        all[base.length + 2] = editConfigurationFilePut("etc/org.ops4j.datasource-igov.cfg", "pool.testOnBorrow", "true");
        return all;
    }

    @Test
    public void thePlatformRunsOnPostgresql() throws Exception {
        awaitStatus("/health", 200);
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=igov)")
                .iterator().next();
        String product;
        try (Connection c = bundleContext.getService(ref).getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        assertEquals("PostgreSQL", product);

        String taras = citizen("taras");
        Answer created = post("/services/residence-registration/applications", PlatformIT.APPLICATION, taras);
        assertEquals(created.body(), 201, created.status());
        String n = created.json().get("trackingNumber").asText();
        String olena = staff("olena");
        assertEquals("in_review", post("/applications/" + n + "/actions/claim", "{}", olena).json().get("status").asText());
        assertEquals("approved", post("/applications/" + n + "/actions/approve", "{}", olena).json().get("status").asText());
        assertEquals("issued", post("/applications/" + n + "/actions/issue", "{}", olena).json().get("status").asText());
        assertEquals(4, get("/applications/" + n, taras).json().get("history").size());
        assertTrue(get("/operators/audit/verify", staff("operator")).json().get("intact").asBoolean());

        try (Connection c = bundleContext.getService(ref).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM application WHERE tracking_number = ?")) {
            ps.setString(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("issued", rs.getString(1));
            }
        } finally {
            bundleContext.ungetService(ref);
        }
        await("the catalogue history recorded on PostgreSQL", () -> get("/regions/lviv/offerings/2090/history").json().size() >= 1);
    }
}
