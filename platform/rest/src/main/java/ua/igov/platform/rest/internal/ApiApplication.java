package ua.igov.platform.rest.internal;

import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.core.RatingService;
import ua.igov.platform.core.StaffNameService;
import ua.igov.platform.core.StatisticsService;

/**
 * The one Jersey application of the API: its resources, the JSON provider and the exception mappers that make every
 * failure a problem-details answer. Built fresh for each servlet start (see {@link ApiServlet}).
 */
final class ApiApplication {

    /**
     * Jersey warns at every start that each resource registered as an instance "will be ignored" as a provider
     * (eclipse-ee4j/jersey#3700): it is served as a resource all the same, so the warning only alarms whoever reads
     * the log. This filter drops exactly that warning about this bundle's own classes; any other passes. The logger
     * is held here because java.util.logging forgets a logger's filter when nothing refers to the logger.
     */
    private static final Logger PROVIDER_CHECKS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        PROVIDER_CHECKS.setFilter(ApiApplication::notAboutOurResources);
    }

    static boolean notAboutOurResources(LogRecord record) {
        String message = record.getMessage();
        return message == null || !(message.contains("does not implement any provider interfaces")
                && message.contains(" " + ApiApplication.class.getPackageName() + "."));
    }

    private ApiApplication() {
    }

    static ResourceConfig create(PluginRegistry registry, CatalogueService catalogue, ApplicationService applications,
                                 IdentityService identity, StatisticsService statistics, RatingService ratings,
                                 StaffNameService staffNames) {
        return new ResourceConfig()
                .register(new DeclaredLengthFilter())
                .register(new HeaderSyntaxFilter())
                .register(new QueryParameterFilter())
                .register(new AuthFilter(identity))
                .register(new KnownParametersFilter())
                .register(new PrivateAnswersFilter())
                .register(new JsonTypeFilter())
                .register(new OptionsAnswerFilter())
                .register(new UntypedBodyFilter())
                .register(new AuthResource(identity))
                .register(new MeResource(applications, staffNames))
                .register(new StaffResource(applications))
                .register(new HealthResource(registry))
                .register(new RegionResource(catalogue))
                .register(new CatalogueResource(catalogue))
                .register(new OpenApiResource(registry, catalogue))
                .register(new ServiceResource(catalogue, applications))
                .register(new ApplicationResource(applications))
                .register(new StatisticsResource(statistics))
                .register(new OpenDataResource(statistics))
                .register(new RatingResource(ratings))
                .register(new ReviewResource(ratings))
                .register(new ModerationResource(ratings))
                .register(new StaffNameResource(staffNames))
                .register(JsonProvider.create())
                .register(new ProblemExceptionMapper())
                .register(new WebApplicationExceptionMapper())
                .register(new StoreExceptionMapper())
                .register(new UnexpectedExceptionMapper())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    }
}
