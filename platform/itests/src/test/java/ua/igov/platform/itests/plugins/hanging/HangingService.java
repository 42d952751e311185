package ua.igov.platform.itests.plugins.hanging;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ua.igov.platform.itests.plugins.SelfRegisteringPlugin;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.SubmissionHandler;

/** A test plugin whose handler hangs (20 s, deaf to interrupts) for a form named "hang"; catalogue service 184. */
public class HangingService extends SelfRegisteringPlugin {

    public static final String CODE = "test-hanging";

    public HangingService() {
        super(CODE, "Тестова послуга, що зависає", 184);
    }

    @Override
    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\", \"required\": [\"name\"],"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}}}");
    }

    @Override
    public SubmissionHandler handler() {
        return submission -> {
            if ("hang".equals(submission.form().get("name"))) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime()); // an interrupt ends a park; park again
                }
            }
        };
    }
}
