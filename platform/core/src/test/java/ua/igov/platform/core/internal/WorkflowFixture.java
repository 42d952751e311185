package ua.igov.platform.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.FormResources;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.ServiceTypeRecord;

/**
 * The real application manager on a fresh Derby database, with a clock the test moves, one region (the test fixture)
 * and one service whose workflow and escalation rules the test chooses.
 */
final class WorkflowFixture {

    final DerbyStores stores = new DerbyStores();
    final ApplicationManagerTest.FakePlugins plugins = new ApplicationManagerTest.FakePlugins();
    final MutableClock clock;
    final WorkingCalendar calendar;
    final ApplicationManager applications;
    volatile List<EscalationRule> serviceRules = List.of();
    private volatile Workflow workflow = Workflow.DEFAULT;
    private final String schema;
    private final ServiceType type;

    WorkflowFixture(Instant start, WorkingCalendar calendar) throws Exception {
        this.clock = new MutableClock(start);
        this.calendar = calendar;
        useRegionRules(List.of());
        schema = FormResources.read(WorkflowFixture.class, "/fixtures/form.schema.json");
        type = new ServiceType() {
            public String code() { return "residence-registration"; }
            public LocalizedText name() { return LocalizedText.of("Реєстрація місця проживання"); }
            public Set<Integer> catalogueServiceIds() { return Set.of(29); }
            public FormDefinition form() { return new FormDefinition("1.0", schema); }
            public Workflow workflow() { return workflow; }
            public List<EscalationRule> escalationRules() { return serviceRules; }
        };
        install();
        stores.applications.rememberServiceType(new ServiceTypeRecord(type.code(), "Реєстрація", null, "1.0", schema, "0.1.0"));
        applications = new ApplicationManager(plugins, stores.applications, stores.staffNames, calendar, clock, "1", Duration.ofMillis(300));
    }

    /** The service's plugin arrives (again): the platform reads its workflow then. */
    void install() {
        plugins.type = new InstalledServiceType(type, FormSchema.compile(schema), new PluginOrigin("svc", "0.1.0"));
    }

    /** A new version of the service plugin with another workflow. */
    void useWorkflow(Workflow newWorkflow) {
        workflow = newWorkflow;
        install();
    }

    void useRegionRules(List<EscalationRule> rules) throws Exception {
        RegionCatalogue f = RegionCatalogueReaderTest.fixture();
        plugins.region = new RegionIndex(new RegionCatalogue(f.region(), f.version(), f.places(), f.authorities(),
                f.services(), f.offerings(), rules), new PluginOrigin("region", "1"));
    }

    /** Taras applies at {@code at}; returns the tracking number. */
    String submitAt(Instant at) {
        clock.set(at);
        return applications.submit(ApplicationManagerTest.TARAS, "residence-registration",
                ApplicationManagerTest.VALID.getBytes(StandardCharsets.UTF_8)).trackingNumber();
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
