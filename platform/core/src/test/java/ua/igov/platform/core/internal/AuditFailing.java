package ua.igov.platform.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.StoreException;

/** An application store whose audit trail cannot be written (the database refuses), everything else working. */
final class AuditFailing {

    private AuditFailing() {
    }

    static ApplicationStore around(ApplicationStore real) {
        return (ApplicationStore) Proxy.newProxyInstance(AuditFailing.class.getClassLoader(),
                new Class<?>[] {ApplicationStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("audit")) {
                        throw new StoreException("write the audit trail", new java.sql.SQLException("disk full"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
