package ua.igov.platform.itests.plugins.throwing;

import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.SubmissionHandler;

/**
 * A test plugin with bugs: its handler throws for a form named "boom", and it can never issue a document. Built into
 * its own bundle by the test (catalogue service 26 in Dnipropetrovsk, delivered by authority 89).
 */
public class ThrowingService implements ServiceType, BundleActivator {

    public static final String CODE = "test-throwing";
    public static final String SCHEMA = "{\"type\": \"object\", \"required\": [\"name\"], \"additionalProperties\": false,"
            + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1, \"title\": \"Ім'я\"}}}";

    @Override
    public void start(BundleContext context) {
        context.registerService(ServiceType.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    public String code() {
        return CODE;
    }

    public LocalizedText name() {
        return LocalizedText.of("Тестова послуга, що падає");
    }

    public Set<Integer> catalogueServiceIds() {
        return Set.of(26);
    }

    public FormDefinition form() {
        return new FormDefinition("1.0", SCHEMA);
    }

    public SubmissionHandler handler() {
        return submission -> {
            if ("boom".equals(submission.form().get("name"))) {
                throw new IllegalStateException("a bug in the test plugin");
            }
        };
    }

    public Map<String, Object> issueDocument(Decision decision) {
        throw new IllegalStateException("the test plugin's register is down");
    }
}
