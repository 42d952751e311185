package ua.igov.platform.itests.plugins.versioned.v1;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ua.igov.platform.itests.plugins.SelfRegisteringPlugin;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;

/**
 * Version 1 of a test plugin updated while its applications are in flight: a form with a name only, and its own
 * workflow in which a supervisor first verifies; catalogue service 185.
 */
public class VersionedService extends SelfRegisteringPlugin {

    public VersionedService() {
        super("test-versioned", "Послуга, що оновлюється", 185);
    }

    @Override
    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\", \"required\": [\"name\"], \"additionalProperties\": false,"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}}}");
    }

    @Override
    public Workflow workflow() {
        return new Workflow(List.of(
                new Transition("verify", Set.of(Status.SUBMITTED), Status.IN_REVIEW, Set.of(Role.SUPERVISOR)),
                new Transition(Workflow.APPROVE, Set.of(Status.IN_REVIEW), Status.APPROVED, Set.of(Role.OFFICIAL)),
                new Transition(Workflow.ISSUE, Set.of(Status.APPROVED), Status.ISSUED, Set.of(Role.OFFICIAL))),
                Map.of(Status.SUBMITTED, 1));
    }
}
