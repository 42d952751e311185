package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;

/**
 * A workflow as it is stored with its form version: transitions and deadlines by wire names, sorted, so the same
 * workflow always reads the same and an application in flight can follow it after its plugin has changed or left.
 */
final class WorkflowJson {

    /** The stored shape: plain names, no SPI types, so it reads back whatever the SPI's classes become. */
    record StoredWorkflow(List<StoredTransition> transitions, Map<String, Integer> deadlines) {
    }

    record StoredTransition(String action, Set<String> from, String to, Set<String> roles) {
    }

    private WorkflowJson() {
    }

    static String write(Workflow workflow) {
        List<StoredTransition> transitions = workflow.transitions().stream()
                .map(t -> new StoredTransition(t.action(),
                        t.from().stream().map(Status::wireName).collect(Collectors.toCollection(TreeSet::new)),
                        t.to().wireName(),
                        t.roles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                                .collect(Collectors.toCollection(TreeSet::new))))
                .toList();
        Map<String, Integer> deadlines = new TreeMap<>();
        workflow.deadlines().forEach((status, days) -> deadlines.put(status.wireName(), days));
        try {
            return Json.MAPPER.writeValueAsString(new StoredWorkflow(transitions, deadlines));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a workflow always serialises", e);
        }
    }

    static Workflow read(String json) {
        StoredWorkflow stored;
        try {
            stored = Json.MAPPER.readValue(json, StoredWorkflow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored workflow: " + e.getOriginalMessage(), e);
        }
        List<Transition> transitions = new ArrayList<>();
        for (StoredTransition t : stored.transitions()) {
            transitions.add(new Transition(t.action(),
                    t.from().stream().map(Status::fromWireName).collect(Collectors.toSet()),
                    Status.fromWireName(t.to()),
                    t.roles().stream().map(r -> Role.valueOf(r.toUpperCase(java.util.Locale.ROOT))).collect(Collectors.toSet())));
        }
        Map<Status, Integer> deadlines = new EnumMap<>(Status.class);
        // A term recorded before SPI 1.3 limited terms is brought into the limits, so that applications on such a form
        // version can still be read and moved (a negative one was already "due at once", a huge one unreachable).
        stored.deadlines().forEach((status, days) -> deadlines.put(Status.fromWireName(status),
                Math.max(0, Math.min(Workflow.LONGEST_TERM, days))));
        return new Workflow(transitions, deadlines);
    }
}
