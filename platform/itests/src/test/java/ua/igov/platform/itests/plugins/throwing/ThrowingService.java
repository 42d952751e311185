package ua.igov.platform.itests.plugins.throwing;

import java.util.Map;

import ua.igov.platform.itests.plugins.SelfRegisteringPlugin;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.SubmissionHandler;

/**
 * A test plugin with bugs: its handler throws for a form named "boom", and it can never issue a document
 * (catalogue service 26 in Dnipropetrovsk, delivered by authority 89).
 */
public class ThrowingService extends SelfRegisteringPlugin {

    public static final String CODE = "test-throwing";

    public ThrowingService() {
        super(CODE, "Тестова послуга, що падає", 26);
    }

    @Override
    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\", \"required\": [\"name\"], \"additionalProperties\": false,"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1, \"title\": \"Ім'я\"}}}");
    }

    @Override
    public SubmissionHandler handler() {
        return submission -> {
            if ("boom".equals(submission.form().get("name"))) {
                throw new IllegalStateException("a bug in the test plugin");
            }
        };
    }

    @Override
    public Map<String, Object> issueDocument(Decision decision) {
        throw new IllegalStateException("the test plugin's register is down");
    }
}
