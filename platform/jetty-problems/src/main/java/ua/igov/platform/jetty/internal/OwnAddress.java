package ua.igov.platform.jetty.internal;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * Where this node's own web server listens for plain HTTP, from Pax Web's settings ({@code etc/org.ops4j.pax.web.cfg}):
 * the port, and the first listening address, with "every address" read as the loopback one.
 */
final class OwnAddress {

    static final String ENABLED = "org.osgi.service.http.enabled";
    static final String PORT = "org.osgi.service.http.port";
    static final String ADDRESSES = "org.ops4j.pax.web.listening.addresses";
    /** Pax Web's own default when no port is configured. */
    static final int DEFAULT_PORT = 8080;

    private OwnAddress() {
    }

    /** @return empty when plain HTTP is switched off or the settings cannot be read */
    static Optional<InetSocketAddress> of(Map<String, ?> settings) {
        if ("false".equalsIgnoreCase(String.valueOf(settings.get(ENABLED)).strip())) {
            return Optional.empty();
        }
        int port;
        try {
            Object configured = settings.get(PORT);
            port = configured == null ? DEFAULT_PORT : Integer.parseInt(String.valueOf(configured).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1 || port > 65_535) {
            return Optional.empty();
        }
        Object addresses = settings.get(ADDRESSES);
        String host = addresses == null ? "" : String.valueOf(addresses).split(",")[0].strip();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, port));
    }
}
