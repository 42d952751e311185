package ua.igov.platform.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.ApplicationStore;

/**
 * The workflow recorded in the database with each form version of a service, the first time any node served that
 * version. It is what applications on that version follow, on every node, whatever plugin version a node runs: a
 * plugin update that changes the workflow without a new form version changes nothing for them.
 *
 * <p>A recorded workflow is written once and never changed, so what one node read is what every node reads: it is
 * kept after the first read, and a step or a read costs no extra query.
 */
final class RecordedWorkflows {

    private final ApplicationStore store;
    private final Map<String, Workflow> read = new ConcurrentHashMap<>();

    RecordedWorkflows(ApplicationStore store) {
        this.store = store;
    }

    /** @return the workflow recorded with this form version, or empty when none is recorded (yet) */
    Optional<Workflow> of(String serviceCode, String formVersion) {
        String key = serviceCode + '\u0000' + formVersion;
        Workflow known = read.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Workflow> recorded = store.workflow(serviceCode, formVersion).map(WorkflowJson::read);
        recorded.ifPresent(workflow -> read.putIfAbsent(key, workflow));
        return recorded;
    }
}
