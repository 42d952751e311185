package ua.igov.platform.itests.plugins.unmade;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import ua.igov.platform.spi.ServiceType;

/**
 * A test plugin whose service type can never be made: it registers a factory that fails, as a Declarative Services
 * component does whose constructor or static initialiser throws (the framework logs it and hands out nothing).
 */
public class UnmadeService implements BundleActivator, ServiceFactory<ServiceType> {

    @Override
    public void start(BundleContext context) {
        context.registerService(ServiceType.class.getName(), this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public ServiceType getService(Bundle bundle, ServiceRegistration<ServiceType> registration) {
        throw new IllegalStateException("the test plugin's form file is missing from its bundle");
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<ServiceType> registration, ServiceType service) {
        // nothing was made
    }
}
