package ua.igov.platform.jetty.internal;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ProblemErrorHandler} on the Jetty server Pax Web runs, and takes it off again when this bundle stops.
 *
 * <p>Why a request customizer: Pax Web 8 hands the live server to nobody, but it adds every
 * {@link HttpConfiguration.Customizer} service to its connectors without restarting them (a Jetty {@code Handler}
 * service would restart the whole web server), and a customizer sees each request's connector, and so the server.
 * The handler is therefore installed by the first request the server reads after it starts; a request Jetty cannot
 * parse before that still gets Jetty's HTML page. After a restart of the web server, the new server gets its own.
 * On every later request this costs one comparison.
 */
@Component(service = HttpConfiguration.Customizer.class)
public final class ProblemAnswers implements HttpConfiguration.Customizer {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswers.class);

    private volatile Server installedOn;
    private ErrorHandler replaced;
    private ProblemErrorHandler installed;

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
        Server server = installedOn;
        installedOn = null;
        if (server != null && server.getErrorHandler() == installed) {
            server.setErrorHandler(replaced != null ? replaced : new ErrorHandler());
        }
        installed = null;
        replaced = null;
    }
}
