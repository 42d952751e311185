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
            String workflow = WorkflowJson.write(type.workflow());
            ServiceTypeRecord record = new ServiceTypeRecord(type.code(), type.name().uk(), type.name().en(),
                    type.form().version(), type.form().jsonSchema(), PluginOrigin.of(reference.getBundle()).version(),
                    workflow);
            OnceMore.run(() -> store.rememberServiceType(record)); // another node may record it at the same moment
            store.workflow(type.code(), type.form().version()).filter(stored -> !stored.equals(workflow)).ifPresent(stored ->
                    LOG.warn("Service '{}' brings another workflow with form {} than the one stored for it; applications "
                            + "on form {} keep the stored one. Give a changed workflow a new form version.",
                            type.code(), type.form().version(), type.form().version()));
        } catch (RuntimeException e) {
            LOG.warn("Could not record service type '{}': {}", type.code(), e.getMessage());
        }
    }

    void removeServiceType(ServiceType type) {
        // The record stays: applications made on it outlive the plugin.
    }
}
