package ua.igov.platform.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.ServiceTypeRecord;

/**
 * Writes down every service type this node starts serving, with its form schema, so that when its plugin leaves the
 * platform can still tell "not installed" from "unknown", and show and move applications made on any form version by
 * that version's own schema and workflow. A plugin that waits (another one is served for its code) or is refused
 * leaves no trace: it would overwrite the served plugin's name and version, and record a form nobody can submit.
 * What is written is what the plugin gave when it arrived; the plugin's code is not called again here.
 */
@Component(service = ServedPluginsListener.class, immediate = true)
public class ServiceTypeRecorder implements ServedPluginsListener {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTypeRecorder.class);

    private final ApplicationStore store;
    private final InstalledPlugins plugins;

    @Activate
    public ServiceTypeRecorder(@Reference ApplicationStore store, @Reference InstalledPlugins plugins) {
        this.store = store;
        this.plugins = plugins;
    }

    /**
     * One at a time, and only while it is still served: when two plugins for one code take turns at once, the one
     * served last is the one recorded last, whatever order the calls come in.
     */
    @Override
    public synchronized void serviceTypeServed(InstalledServiceType type) {
        if (plugins.serviceType(type.code()).orElse(null) != type) {
            return;
        }
        try {
            record(store, type);
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
    static void record(ApplicationStore store, InstalledServiceType type) {
        String code = type.code();
        String version = type.formVersion();
        String schema = type.schemaText();
        String workflow = WorkflowJson.write(type.workflow());
        ServiceTypeRecord record = new ServiceTypeRecord(code, type.name().uk(), type.name().en(), version,
                schema, type.origin().version(), workflow);
        OnceMore.run(() -> store.rememberServiceType(record)); // another node may record it at the same moment
        store.workflow(code, version).filter(stored -> !stored.equals(workflow)).ifPresent(stored ->
                LOG.warn("Service '{}' brings another workflow with form {} than the one stored for it; applications "
                        + "on form {} keep the stored one. Give a changed workflow a new form version.",
                        code, version, version));
        store.formSchema(code, version).filter(stored -> !stored.equals(schema)).ifPresent(stored ->
                LOG.warn("Service '{}' brings another schema with form {} than the one stored for it: new applications "
                        + "are checked against the plugin's, answers on form {} against the stored one, and nodes with "
                        + "different builds of the plugin accept different forms. Give a changed schema a new form "
                        + "version.", code, version, version));
    }
}
