package ua.igov.platform.itests.plugins.future;

import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;

/**
 * A plugin as if built against SPI 2.0: the test gives its bundle {@code Import-Package: ua.igov.platform.spi;
 * version="[2.0,3)"}, which this platform (1.x) cannot satisfy. Its code never runs.
 */
public class FutureService implements ServiceType, BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(ServiceType.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    public String code() {
        return "test-future";
    }

    public LocalizedText name() {
        return LocalizedText.of("Послуга з майбутнього");
    }

    public Set<Integer> catalogueServiceIds() {
        return Set.of(144);
    }

    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\"}");
    }
}
