package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ApplicationReceipt;
import ua.igov.platform.core.ApplicationStatus;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.FormResources;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.store.ServiceTypeRecord;

class ApplicationManagerTest {

    private static final String VALID = "{\"region\": \"testland\", \"placeId\": 1, "
            + "\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}}";

    private final InMemoryStore store = new InMemoryStore();
    private final FakePlugins plugins = new FakePlugins();
    private SubmissionHandler handler = SubmissionHandler.ACCEPT_ALL;
    private ApplicationManager manager;

    @BeforeEach
    void setUp() throws Exception {
        plugins.region = new RegionIndex(RegionCatalogueReaderTest.fixture(), new PluginOrigin("region", "1"));
        plugins.type = installed(serviceType());
        manager = new ApplicationManager(plugins, store, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1");
    }

    private ServiceType serviceType() {
        String schema = FormResources.read(ApplicationManagerTest.class, "/fixtures/form.schema.json");
        return new ServiceType() {
            public String code() { return "residence-registration"; }
            public LocalizedText name() { return LocalizedText.of("Реєстрація місця проживання"); }
            public Set<Integer> catalogueServiceIds() { return Set.of(29); }
            public FormDefinition form() { return new FormDefinition("1.0", schema); }
            public SubmissionHandler handler() { return submission -> handler.onSubmit(submission); }
        };
    }

    private static InstalledServiceType installed(ServiceType type) {
        return new InstalledServiceType(type, FormSchema.compile(type.form().jsonSchema()), new PluginOrigin("svc", "0.1.0"));
    }

    private ProblemException submitExpectingProblem(String code, String body) {
        return assertThrows(ProblemException.class, () -> manager.submit(code, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValidApplicationIsStoredAndItsStatusReadable() {
        ApplicationReceipt receipt = manager.submit("residence-registration", VALID.getBytes(StandardCharsets.UTF_8));

        assertEquals("1-00000001-6", receipt.trackingNumber());
        ApplicationStatus status = manager.status(receipt.trackingNumber());
        assertEquals("submitted", status.status());
        assertEquals("testland", status.regionId());
        assertEquals("1.0", status.formVersion());
        assertEquals(1, status.history().size());
        assertEquals("1.0", store.applications.get(receipt.trackingNumber()).formVersion());
    }

    @Test
    void eachKindOfBadRequestGetsItsOwnProblemAndNothingIsStored() {
        assertEquals("unknown-service", submitExpectingProblem("no-such-service", VALID).type());
        assertEquals("malformed-json", submitExpectingProblem("residence-registration", "{\"region\": ").type());
        assertEquals("malformed-json", submitExpectingProblem("residence-registration", "").type());
        assertEquals("invalid-request", submitExpectingProblem("residence-registration", "[1,2]").type());
        assertEquals("invalid-request", submitExpectingProblem("residence-registration", "{\"form\": {}}").type());

        ProblemException invalid = submitExpectingProblem("residence-registration",
                "{\"region\": \"testland\", \"form\": {\"lastName\": \"\"}}");
        assertEquals(422, invalid.status());
        assertEquals("invalid-form", invalid.type());
        assertEquals(List.of("/birthDate", "/lastName"), invalid.fieldProblems().stream().map(FieldProblem::field).toList());

        assertEquals(0, store.countApplications());
    }

    @Test
    void aRegionOrPlaceThatDoesNotOfferTheServiceIsNamed() {
        ProblemException region = submitExpectingProblem("residence-registration", VALID.replace("testland", "atlantis"));
        assertEquals("/region", region.fieldProblems().get(0).field());
        ProblemException place = submitExpectingProblem("residence-registration", VALID.replace("\"placeId\": 1", "\"placeId\": 50099"));
        assertEquals("/placeId", place.fieldProblems().get(0).field());
    }

    @Test
    void aServiceWhosePluginLeftIsNotInstalledNotUnknown() {
        store.rememberServiceType(new ServiceTypeRecord("residence-registration", "Реєстрація", null, "1.0", "{}", "0.1.0"));
        plugins.type = null;
        ProblemException problem = submitExpectingProblem("residence-registration", VALID);
        assertEquals(404, problem.status());
        assertEquals("service-not-installed", problem.type());
    }

    @Test
    void theHandlersRejectionReachesTheCitizenAndNothingIsStored() {
        handler = submission -> {
            throw new SubmissionRejectedException(List.of(new FieldProblem("/lastName", "not in the register")));
        };
        ProblemException problem = submitExpectingProblem("residence-registration", VALID);
        assertEquals("/lastName", problem.fieldProblems().get(0).field());
        assertEquals(0, store.countApplications());
    }

    @Test
    void aBrokenDatabaseIsA503NotAStackTrace() {
        store.broken = true;
        ProblemException problem = submitExpectingProblem("residence-registration", VALID);
        assertEquals(503, problem.status());
    }

    @Test
    void statusOfMistypedOrUnknownNumbersIsAClearProblem() {
        assertEquals(400, assertThrows(ProblemException.class, () -> manager.status("1-00000001-9")).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> manager.status("1-00000002-4")).status());
        assertTrue(assertThrows(ProblemException.class, () -> manager.status("x".repeat(10_000))).detail().length() < 400);
    }

    /** Plugins as the registry would present one region and one service type. */
    static final class FakePlugins implements InstalledPlugins {
        RegionIndex region;
        InstalledServiceType type;

        @Override
        public Optional<InstalledServiceType> serviceType(String code) {
            return Optional.ofNullable(type).filter(t -> t.code().equals(code));
        }

        @Override
        public Collection<InstalledServiceType> serviceTypes() {
            return type == null ? List.of() : List.of(type);
        }

        @Override
        public Optional<InstalledServiceType> serviceTypeFor(int id) {
            return Optional.ofNullable(type).filter(t -> t.type().catalogueServiceIds().contains(id));
        }

        @Override
        public Optional<RegionIndex> region(String id) {
            return Optional.ofNullable(region).filter(r -> r.id().equals(id));
        }

        @Override
        public Collection<RegionIndex> regions() {
            return region == null ? List.of() : List.of(region);
        }
    }
}
