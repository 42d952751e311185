package ua.igov.platform.core.internal;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.ServiceTypeRecord;

/**
 * Writes down every service type that arrives, with its form schema, so that when its plugin leaves the platform can
 * still tell "not installed" from "unknown", and show and move applications made on any form version by that
 * version's own schema and workflow.
 */
@Component(immediate = true)
public class ServiceTypeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTypeRecorder.class);

    private final ApplicationStore store;

    @Activate
    public ServiceTypeRecorder(@Reference ApplicationStore store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addServiceType(ServiceType type, ServiceReference<ServiceType> reference) {
        try {
            FormSchema.compile(type.form().jsonSchema()); // a refused plugin leaves no trace in the database
            record(store, type, PluginOrigin.of(reference.getBundle()).version());
        } catch (RuntimeException | LinkageError e) {
            // The database may be away: the first submission on this form version records it (ApplicationManager).
            LOG.warn("Could not record service type '{}' now: {}", type.code(), e.getMessage());
        }
    }

    /**
     * Records the service type's form version with its schema and workflow, unless it is recorded already, and says
     * so in the log when the plugin brings another schema or workflow with a form version recorded before: applications
     * on that version keep what was recorded first.
     */
    static void record(ApplicationStore store, ServiceType type, String pluginVersion) {
        String version = type.form().version();
        String schema = type.form().jsonSchema();
        String workflow = WorkflowJson.write(type.workflow());
        ServiceTypeRecord record = new ServiceTypeRecord(type.code(), type.name().uk(), type.name().en(), version,
                schema, pluginVersion, workflow);
        OnceMore.run(() -> store.rememberServiceType(record)); // another node may record it at the same moment
        store.workflow(type.code(), version).filter(stored -> !stored.equals(workflow)).ifPresent(stored ->
                LOG.warn("Service '{}' brings another workflow with form {} than the one stored for it; applications "
                        + "on form {} keep the stored one. Give a changed workflow a new form version.",
                        type.code(), version, version));
        store.formSchema(type.code(), version).filter(stored -> !stored.equals(schema)).ifPresent(stored ->
                LOG.warn("Service '{}' brings another schema with form {} than the one stored for it: new applications "
                        + "are checked against the plugin's, answers on form {} against the stored one, and nodes with "
                        + "different builds of the plugin accept different forms. Give a changed schema a new form "
                        + "version.", type.code(), version, version));
    }

    void removeServiceType(ServiceType type) {
        // The record stays: applications made on it outlive the plugin.
    }
}
