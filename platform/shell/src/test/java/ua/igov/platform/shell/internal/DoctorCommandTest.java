package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class DoctorCommandTest {

    /**
     * When the store's choice of data source cannot be read, the doctor says it checked the platform's own instead:
     * it passed that off as the store's, and an operator whose store uses another was told the wrong one was fine.
     */
    @Test
    void aDataSourceCheckedInPlaceOfTheStoresSaysSo() {
        DoctorCommand doctor = new DoctorCommand();
        doctor.bundleContext = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServiceReference" -> null; // no Configuration Admin
                    case "getServiceReferences" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DoctorCommand.Check check = doctor.dataSource();
        assertFalse(check.ok());
        assertTrue(check.detail().contains("could not be read: Configuration Admin is not running; this is the "
                + "platform's own"), check.detail());
    }
}
