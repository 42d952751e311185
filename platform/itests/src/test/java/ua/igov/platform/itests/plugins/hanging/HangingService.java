package ua.igov.platform.itests.plugins.hanging;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.SubmissionHandler;

/** A test plugin whose handler hangs (20 s, deaf to interrupts) for a form named "hang"; catalogue service 184. */
public class HangingService implements ServiceType, BundleActivator {

    public static final String CODE = "test-hanging";

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
        return LocalizedText.of("Тестова послуга, що зависає");
    }

    public Set<Integer> catalogueServiceIds() {
        return Set.of(184);
    }

    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\", \"required\": [\"name\"],"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}}}");
    }

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
