package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;

class WorkflowJsonTest {

    @Test
    void theDefaultWorkflowReadsBackEqual() {
        Workflow read = WorkflowJson.read(WorkflowJson.write(Workflow.DEFAULT));
        assertEquals(Set.copyOf(Workflow.DEFAULT.transitions()), Set.copyOf(read.transitions()));
        assertEquals(Workflow.DEFAULT.deadlines(), read.deadlines());
    }

    @Test
    void aServicesOwnWorkflowKeepsItsStepsRolesAndDeadlines() {
        Workflow own = new Workflow(List.of(
                new Transition("verify", Set.of(Status.SUBMITTED), Status.IN_REVIEW, Set.of(Role.SUPERVISOR)),
                new Transition("approve", Set.of(Status.IN_REVIEW), Status.APPROVED, Set.of(Role.OFFICIAL, Role.SUPERVISOR))),
                Map.of(Status.SUBMITTED, 1));
        String json = WorkflowJson.write(own);
        assertTrue(json.contains("\"verify\"") && json.contains("\"supervisor\"") && json.contains("\"submitted\":1"), json);
        Workflow read = WorkflowJson.read(json);
        assertEquals(own.transitions(), read.transitions());
        assertEquals(own.deadlines(), read.deadlines());
        assertEquals(json, WorkflowJson.write(read), "the same workflow always reads the same");
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WorkflowJson.read("{\"transitions\": 3}"));
    }

    /** Recorded before terms were limited: still read, so its applications can be read and moved. */
    @Test
    void aTermRecordedOutsideTheLimitsIsReadWithinThem() {
        String stored = WorkflowJson.write(Workflow.DEFAULT)
                .replace("\"in_review\":10", "\"in_review\":-3").replace("\"approved\":5", "\"approved\":2147483647");
        assertTrue(stored.contains("-3") && stored.contains("2147483647"), stored);
        Workflow read = WorkflowJson.read(stored);
        assertEquals(0, read.deadlines().get(Status.IN_REVIEW));
        assertEquals(Workflow.LONGEST_TERM, read.deadlines().get(Status.APPROVED));
    }
}
