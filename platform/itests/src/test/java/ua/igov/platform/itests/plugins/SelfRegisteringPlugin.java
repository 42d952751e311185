package ua.igov.platform.itests.plugins;

import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;

/**
 * What every test plugin shares: it is its bundle's activator and registers itself as the service type, the way a
 * plugin without Declarative Services would. The test copies this class into each plugin bundle with the plugin.
 */
public abstract class SelfRegisteringPlugin implements ServiceType, BundleActivator {

    private final String code;
    private final String nameUk;
    private final int catalogueServiceId;

    protected SelfRegisteringPlugin(String code, String nameUk, int catalogueServiceId) {
        this.code = code;
        this.nameUk = nameUk;
        this.catalogueServiceId = catalogueServiceId;
    }

    @Override
    public void start(BundleContext context) {
        context.registerService(ServiceType.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of(nameUk);
    }

    @Override
    public Set<Integer> catalogueServiceIds() {
        return Set.of(catalogueServiceId);
    }
}
