package ua.igov.platform.rest.internal;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.core.RatingService;
import ua.igov.platform.core.StatisticsService;

/**
 * The one Jersey application of the API: its resources, the JSON provider and the exception mappers that make every
 * failure a problem-details answer. Built fresh for each servlet start (see {@link ApiServlet}).
 */
final class ApiApplication {

    private ApiApplication() {
    }

    static ResourceConfig create(PluginRegistry registry, CatalogueService catalogue, ApplicationService applications,
                                 IdentityService identity, StatisticsService statistics, RatingService ratings) {
        return new ResourceConfig()
                .register(new DeclaredLengthFilter())
                .register(new HeaderSyntaxFilter())
                .register(new AuthFilter(identity))
                .register(new AuthResource(identity))
                .register(new MeResource(applications))
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
