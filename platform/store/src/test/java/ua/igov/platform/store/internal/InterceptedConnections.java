package ua.igov.platform.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import javax.sql.DataSource;

/** A data source for tests whose connections do something else in place of some of their calls: a database failing on cue. */
final class InterceptedConnections {

    /** What an interception answers to let the real connection make the call. */
    static final Object PROCEED = new Object();

    /** What to do in place of a connection's call: an answer, an exception, or {@link #PROCEED}. */
    @FunctionalInterface
    interface Interception {
        Object on(Connection real, String method, Object[] args) throws Throwable;
    }

    private InterceptedConnections() {
    }

    static DataSource of(DataSource real, Interception interception) {
        ClassLoader loader = InterceptedConnections.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = method.invoke(real, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (p, m, a) -> {
                Object instead = interception.on(connection, m.getName(), a);
                if (instead != PROCEED) {
                    return instead;
                }
                try {
                    return m.invoke(connection, a);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        });
    }
}
