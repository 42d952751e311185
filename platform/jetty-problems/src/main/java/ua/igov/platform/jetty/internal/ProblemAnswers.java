package ua.igov.platform.jetty.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ProblemErrorHandler} on the Jetty server Pax Web runs, and takes it off again when this bundle stops.
 *
 * <p>Why a request customizer: Pax Web 8 hands the live server to nobody, but it adds every
 * {@link HttpConfiguration.Customizer} service to its connectors without restarting them (a Jetty {@code Handler}
 * service would restart the whole web server), and a customizer sees each request's connector, and so the server.
 * The handler is therefore installed by the first request the server reads after it starts. So that this is not a
 * client's, possibly one Jetty cannot parse and would answer with its HTML page, the component sends that first
 * request itself as soon as it is activated: a {@code GET /api/health} to its own address, read from Pax Web's
 * settings (this component's configuration is theirs, {@code org.ops4j.pax.web}), again every 200 ms until the
 * handler is in (the web server may still be starting) or a minute has passed. After a restart of the web server,
 * the new server gets its own with its first request. On every later request this costs one comparison.
 */
@Component(service = HttpConfiguration.Customizer.class, configurationPid = "org.ops4j.pax.web",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ProblemAnswers implements HttpConfiguration.Customizer {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswers.class);
    static final Duration ASK_FOR = Duration.ofMinutes(1);
    private static final Duration ASK_EVERY = Duration.ofMillis(200);

    private volatile Server installedOn;
    private ErrorHandler replaced;
    private ProblemErrorHandler installed;
    private Thread asking;

    /** Sends the server its first request itself, where Pax Web's settings say it listens for plain HTTP. */
    @Activate
    void activate(Map<String, Object> webSettings) {
        Optional<InetSocketAddress> own = OwnAddress.of(webSettings);
        if (own.isEmpty()) {
            LOG.info("No plain HTTP address in Pax Web's settings: until the first request, Jetty answers "
                    + "what it cannot parse with its own page");
            return;
        }
        askOwnServer(own.get());
    }

    synchronized void askOwnServer(InetSocketAddress address) {
        asking = new Thread(() -> askUntilInstalled(address), "igov-jetty-problems-first-request");
        asking.setDaemon(true);
        asking.start();
    }

    private void askUntilInstalled(InetSocketAddress address) {
        long deadline = System.nanoTime() + ASK_FOR.toNanos();
        while (installedOn == null && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), 2000);
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(("GET /api/health HTTP/1.1\r\nHost: " + address.getHostString()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().readAllBytes(); // the answer does not matter: reading the request did it
            } catch (IOException e) {
                // not listening yet, or busy starting: ask again
            }
            if (installedOn == null) {
                try {
                    Thread.sleep(ASK_EVERY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (installedOn == null && !Thread.currentThread().isInterrupted()) {
            LOG.warn("No request reached the web server at {} within {}: until one does, Jetty answers what it "
                    + "cannot parse with its own page", address, ASK_FOR);
        }
    }

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        Server server = connector.getServer();
        if (server != installedOn) {
            install(server);
        }
    }

    private synchronized void install(Server server) {
        if (server == null || server == installedOn) {
            return;
        }
        ProblemErrorHandler handler = new ProblemErrorHandler(); // one per server: a handler belongs to one
        ErrorHandler before = server.getErrorHandler();
        server.setErrorHandler(handler);
        replaced = before;
        installed = handler;
        installedOn = server;
        LOG.info("Jetty's own refusals are answered as {} from now on", JettyRefusal.MEDIA_TYPE);
    }

    /** Leaves the server as it found it: Jetty's handler back in place (the server stops ours as it lets it go). */
    @Deactivate
    synchronized void deactivate() {
        if (asking != null) {
            asking.interrupt();
            asking = null;
        }
        Server server = installedOn;
        installedOn = null;
        if (server != null && server.getErrorHandler() == installed) {
            server.setErrorHandler(replaced != null ? replaced : new ErrorHandler());
        }
        installed = null;
        replaced = null;
    }
}
