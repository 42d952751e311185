package ua.igov.platform.itests.plugins.versioned.v1;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;

/** A test plugin updated while applications are in flight (version 1: a form with a name only, and its own workflow in which a supervisor first verifies); catalogue service 185. */
public class VersionedService implements ServiceType, BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(ServiceType.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    public String code() {
        return "test-versioned";
    }

    public LocalizedText name() {
        return LocalizedText.of("Послуга, що оновлюється (1)");
    }

    public Set<Integer> catalogueServiceIds() {
        return Set.of(185);
    }

    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\", \"required\": [\"name\"], \"additionalProperties\": false,"
            + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}}}");
    }

    public Workflow workflow() {
        return new Workflow(List.of(
                new Transition("verify", Set.of(Status.SUBMITTED), Status.IN_REVIEW, Set.of(Role.SUPERVISOR)),
                new Transition(Workflow.APPROVE, Set.of(Status.IN_REVIEW), Status.APPROVED, Set.of(Role.OFFICIAL)),
                new Transition(Workflow.ISSUE, Set.of(Status.APPROVED), Status.ISSUED, Set.of(Role.OFFICIAL))),
                Map.of(Status.SUBMITTED, 1));
    }

    public Map<String, Object> issueDocument(ua.igov.platform.spi.Decision decision) {
        return Map.of("issuedByPluginVersion", "1");
    }
}
