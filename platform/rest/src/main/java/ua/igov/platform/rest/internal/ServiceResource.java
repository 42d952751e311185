package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import ua.igov.platform.core.ApplicationReceipt;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.ServiceDescription;

/** A service, its form, and applying for it. */
@Path("/services/{code}")
@Produces(MediaType.APPLICATION_JSON)
public final class ServiceResource {

    /** No honest form is anywhere near this; a bigger body is refused before it is parsed. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final CatalogueService catalogue;
    private final ApplicationService applications;

    public ServiceResource(CatalogueService catalogue, ApplicationService applications) {
        this.catalogue = catalogue;
        this.applications = applications;
    }

    @GET
    public ServiceDescription service(@PathParam("code") String code) {
        return catalogue.service(code);
    }

    /** The form as a JSON Schema document, served as the plugin wrote it. */
    @GET
    @Path("/form")
    public Response form(@PathParam("code") String code) {
        return Response.ok(catalogue.formSchema(code), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    /** Hints for rendering the form (field order, widgets, English labels), when the plugin brings them. */
    @GET
    @Path("/ui-hints")
    public Response uiHints(@PathParam("code") String code) {
        return Response.ok(catalogue.uiHints(code), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    /** The receipt a citizen gets: the tracking number, and where to follow the application. */
    public record Receipt(String trackingNumber, String serviceCode, String status, java.time.Instant submittedAt,
                          String statusUrl) {
    }

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("code") String code, InputStream body, @Context UriInfo uri,
                          @Context ContainerRequestContext request) throws IOException {
        ua.igov.platform.core.Caller caller = ApplicationResource.signedIn(request);
        ApplicationReceipt receipt = applications.submit(caller, code, Bodies.read(body, MAX_BODY_BYTES));
        URI location = uri.getBaseUriBuilder().path("applications").path(receipt.trackingNumber()).build();
        return Response.created(location)
                .entity(new Receipt(receipt.trackingNumber(), receipt.serviceCode(), receipt.status(),
                        receipt.submittedAt(), location.getPath()))
                .build();
    }
}
