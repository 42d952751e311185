package ua.igov.platform.itests.plugins.versioned.v2;

import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Workflow;

/** A test plugin updated while applications are in flight (version 2: the form also asks for a phone, and the default workflow (claim, review, decide, issue) applies); catalogue service 185. */
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
        return LocalizedText.of("Послуга, що оновлюється (2)");
    }

    public Set<Integer> catalogueServiceIds() {
        return Set.of(185);
    }

    public FormDefinition form() {
        return new FormDefinition("2.0", "{\"type\": \"object\", \"required\": [\"name\", \"phone\"], \"additionalProperties\": false,"
            + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1},"
            + " \"phone\": {\"type\": \"string\", \"pattern\": \"^\\\\+380[0-9]{9}$\"}}}");
    }

    public Workflow workflow() {
        return Workflow.DEFAULT;
    }

    public Map<String, Object> issueDocument(ua.igov.platform.spi.Decision decision) {
        return Map.of("issuedByPluginVersion", "2");
    }
}
