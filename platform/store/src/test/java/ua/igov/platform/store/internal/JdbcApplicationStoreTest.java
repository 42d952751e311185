package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

class JdbcApplicationStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

    private EmbeddedDataSource dataSource;
    private JdbcApplicationStore store;

    @BeforeEach
    void freshDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:store-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        store = new JdbcApplicationStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private NewApplication application(String trackingNumber) {
        return new NewApplication(trackingNumber, "residence-registration", "dnipropetrovsk", 1, "1.0", "0.1.0",
                "{\"lastName\":\"Шевченко\"}", new StatusChange("submitted", NOW, "citizen", null));
    }

    @Test
    void insertedApplicationIsReadBackWithItsHistory() {
        store.insert(application("1-00000018"));

        StoredApplication read = store.findByTrackingNumber("1-00000018").orElseThrow();

        assertEquals("residence-registration", read.serviceCode());
        assertEquals("{\"lastName\":\"Шевченко\"}", read.formJson());
        assertEquals(1, read.placeId());
        assertEquals("submitted", read.status());
        assertEquals(NOW, read.submittedAt());
        assertEquals(1, read.history().size());
        assertEquals("citizen", read.history().get(0).actor());
        assertEquals(1, store.countApplications());
    }

    @Test
    void unknownTrackingNumberIsEmpty() {
        assertTrue(store.findByTrackingNumber("1-99999997").isEmpty());
    }

    @Test
    void applicationNumbersAreUniqueAndIncreasing() {
        long first = store.nextApplicationNumber();
        long second = store.nextApplicationNumber();
        assertTrue(second > first);
    }

    @Test
    void duplicateTrackingNumberIsRefusedAndLeavesNothingHalfWritten() {
        store.insert(application("1-00000018"));

        assertThrows(StoreException.class, () -> store.insert(application("1-00000018")));

        assertEquals(1, store.countApplications());
        assertEquals(1, store.findByTrackingNumber("1-00000018").orElseThrow().history().size());
    }

    @Test
    void serviceTypeIsRememberedWithEveryFormVersion() {
        store.rememberServiceType(new ServiceTypeRecord("residence-registration", "Реєстрація", null, "1", "{\"v\":1}", "0.1.0"));
        store.rememberServiceType(new ServiceTypeRecord("residence-registration", "Реєстрація місця", "Registration",
                "2", "{\"v\":2}", "0.2.0"));

        ServiceTypeRecord read = store.findServiceType("residence-registration").orElseThrow();
        assertEquals("2", read.formVersion());
        assertEquals("{\"v\":2}", read.formSchema());
        assertEquals("Registration", read.nameEn());
        assertTrue(store.findServiceType("unknown").isEmpty());
    }

    @Test
    void migratingTwiceIsHarmless() {
        JdbcApplicationStore again = new JdbcApplicationStore(dataSource, Clock.systemUTC());
        store.insert(application("1-00000026"));
        assertNotEquals(0, again.countApplications());
    }
}
