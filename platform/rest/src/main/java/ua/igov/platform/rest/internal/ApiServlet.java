package ua.igov.platform.rest.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.ClusterService;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.RatingService;
import ua.igov.platform.core.StaffNameService;
import ua.igov.platform.core.StatisticsService;

/**
 * The API's servlet on the HTTP whiteboard, at {@code /api/*}.
 *
 * <p>Pax Web may initialise the same servlet object again after its runtime restarts; a Jersey
 * {@link ServletContainer} cannot be initialised twice ("resource configuration is not modifiable"), so each
 * {@link #init} builds a fresh container and application.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=igov-api",
        // Jetty wraps a servlet that is not async-supported and formats its name into the request on every call
        // (seen in JFR on every endpoint); Jersey handles asynchronous requests itself, so nothing is lost.
        "osgi.http.whiteboard.servlet.asyncSupported=true"})
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient PluginRegistry registry;
    private final transient CatalogueService catalogue;
    private final transient ApplicationService applications;
    private final transient IdentityService identity;
    /**
     * This node's id for the {@code X-Igov-Node} header. From a dynamic reference: the cluster node restarts when an
     * operator edits its settings, and a static reference would stop the whole API with it.
     */
    private transient volatile String nodeId;
    private final transient StatisticsService statistics;
    private final transient RatingService ratings;
    private final transient StaffNameService staffNames;
    private transient volatile ServletContainer jersey;
    /**
     * How long a stop waits for the requests under way: longer than a plugin's default time limit and a commit. A
     * request that takes longer (a plugin time limit set above 30 s) is cut off as before, with an empty 500.
     */
    static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofSeconds(30);
    private final transient RequestsUnderWay underWay = new RequestsUnderWay();
    /** The answer to a request that arrives while the API stops; its successor serves the repeated request. */
    private static final ProblemException RESTARTING = new ProblemException(503, "unavailable",
            "Temporarily unavailable", "The service is restarting. Please repeat the request in a second.",
            java.util.List.of(), java.time.Duration.ofSeconds(1));

    @Activate
    public ApiServlet(@Reference PluginRegistry registry, @Reference CatalogueService catalogue,
                      @Reference ApplicationService applications, @Reference IdentityService identity,
                      @Reference StatisticsService statistics,
                      @Reference RatingService ratings, @Reference StaffNameService staffNames) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.applications = applications;
        this.identity = identity;
        this.statistics = statistics;
        this.ratings = ratings;
        this.staffNames = staffNames;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCluster(ClusterService cluster) {
        nodeId = cluster.nodeId();
    }

    void unbindCluster(ClusterService cluster) {
        // the same process answers on: its last id stays in the header until the node's successor binds
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jersey looks up its own parts through the context class loader; ours sees them through our imports.
        thread.setContextClassLoader(ApiServlet.class.getClassLoader());
        try {
            ServletContainer container = new ServletContainer(ApiApplication.create(registry, catalogue, applications, identity,
                    statistics, ratings, staffNames).register(new NodeHeaderFilter(() -> nodeId)));
            container.init(config);
            ServletContainer old = jersey;
            if (old != null) {
                drain(); // not destroyed before: the requests in it finish first
            }
            jersey = container;
            underWay.open();
            if (old != null) {
                old.destroy();
            }
            LOG.info("REST API started at {}", config.getServletContext().getContextPath() + "/api");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!underWay.enter()) {
            refuse(request, response, RESTARTING);
            return;
        }
        try {
            ServletContainer container = jersey; // read once counted in: a stop cannot destroy it under this request
            if (container == null) {
                refuse(request, response, RESTARTING);
                return;
            }
            serve(container, request, response);
        } finally {
            underWay.leave();
        }
    }

    private static void serve(ServletContainer container, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!HeaderSyntaxFilter.readableMediaType(request.getContentType())) {
            refuse(request, response, HeaderSyntaxFilter.malformed("Content-Type", request.getContentType(),
                    HeaderSyntaxFilter.MEDIA_TYPE_EXPECTED));
            return;
        }
        if (java.util.Collections.list(request.getHeaders("Content-Type")).size() > 1) {
            refuse(request, response, HeaderSyntaxFilter.malformed("Content-Type", "sent twice", "one media type"));
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // a gzip body read as it is would be refused as broken JSON or as a file that is not a PDF: say why
            refuse(request, response, new ProblemException(415, "unsupported-encoding", "Unsupported body encoding",
                    "Send the body uncompressed: Content-Encoding " + HeaderSyntaxFilter.shown(encoding)
                            + " is not accepted.", java.util.List.of(new ua.igov.platform.spi.FieldProblem(
                            "Content-Encoding", "only identity (no compression) is accepted"))));
            return;
        }
        if (request.getRequestURI() != null && (request.getRequestURI().indexOf('{') >= 0
                || request.getRequestURI().indexOf('}') >= 0)) {
            // Jersey would take raw braces for a URI template and answer an empty 400
            refuse(request, response, new ProblemException(400, "malformed-request", "Malformed request",
                    "The path has a '{' or '}' in it: put in the value (a tracking number, a service code) instead "
                            + "of the placeholder, or percent-encode it.", java.util.List.of(
                            new ua.igov.platform.spi.FieldProblem("path", "no raw { or }"))));
            return;
        }
        container.service(request, response);
    }

    /** A problem answered here, where Jersey would answer an empty 400 before any of the API's own code runs. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(ProblemBody.MEDIA_TYPE);
        if (request.getHeader("Authorization") != null) {
            // as PrivateAnswersFilter does for every answer Jersey gives: these never reach it
            response.setHeader("Cache-Control", PrivateAnswersFilter.NO_STORE);
            response.addHeader("Vary", "Authorization");
        }
        problem.retryAfter().ifPresent(wait -> response.setHeader("Retry-After",
                Long.toString(ProblemResponses.retryAfterSeconds(wait))));
        JsonProvider.mapper().writeValue(response.getOutputStream(), new ProblemBody(
                ProblemBody.TYPE_PREFIX + problem.type(), problem.title(), problem.status(), problem.detail(),
                request.getRequestURI(), problem.fieldProblems().stream()
                        .map(p -> new ProblemBody.FieldError(p.field(), p.message())).toList()));
    }

    /**
     * The component stops (a service it uses is being replaced): the requests under way finish before the services
     * they use go, and before Pax Web, which unregisters the servlet on a thread of its own, tears Jersey down.
     */
    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        drain();
    }

    private void drain() {
        int before = underWay.count();
        if (before > 0) {
            LOG.info("REST API stopping: waiting up to {} s for {} requests under way", DRAIN_LIMIT.toSeconds(), before);
        }
        int left = underWay.stop(DRAIN_LIMIT);
        if (left > 0) {
            LOG.warn("REST API stopping with {} requests still under way after {} s; they may fail", left,
                    DRAIN_LIMIT.toSeconds());
        }
    }

    @Override
    public void destroy() {
        drain();
        ServletContainer container = jersey;
        jersey = null;
        if (container != null) {
            container.destroy();
            LOG.info("REST API stopped");
        }
    }
}
