package ua.igov.platform.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.StoreException;

/** An application store one of whose calls the database refuses, everything else working. */
final class AuditFailing {

    private AuditFailing() {
    }

    /** The audit trail cannot be written. */
    static ApplicationStore around(ApplicationStore real) {
        return failing(real, "audit");
    }

    /** {@code methodName} fails, whatever its arguments. */
    static ApplicationStore failing(ApplicationStore real, String methodName) {
        return failing(real, methodName, () -> {
            throw new StoreException(methodName, new java.sql.SQLException("disk full"));
        });
    }

    /** {@code methodName} does what the real store does, and then the connection breaks before its commit is confirmed. */
    static ApplicationStore unconfirmed(ApplicationStore real, String methodName) {
        return unconfirmed(ApplicationStore.class, real, methodName);
    }

    /** The same, for a store of another kind. */
    static <S> S unconfirmed(Class<S> kind, S real, String methodName) {
        return kind.cast(Proxy.newProxyInstance(AuditFailing.class.getClassLoader(),
                new Class<?>[] {kind}, (proxy, method, args) -> {
                    try {
                        Object done = method.invoke(real, args);
                        if (method.getName().equals(methodName)) {
                            throw new ua.igov.platform.store.CommitOutcomeUnknownException(methodName,
                                    new java.sql.SQLException("connection reset", "08006"));
                        }
                        return done;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private static ApplicationStore failing(ApplicationStore real, String methodName, Runnable failure) {
        return (ApplicationStore) Proxy.newProxyInstance(AuditFailing.class.getClassLoader(),
                new Class<?>[] {ApplicationStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals(methodName)) {
                        failure.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
