package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.Caller;
import ua.igov.platform.core.OperatorsOnly;
import ua.igov.platform.core.StaffDisplayName;
import ua.igov.platform.core.StaffNameService;
import ua.igov.platform.core.UnnamedStaff;

/** Operators name staff accounts: citizens see these names, never logins. */
@Path("/operators/staff-names")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public final class StaffNameResource {

    /** A name and its JSON wrapping, with room to spare. */
    static final int MAX_BODY_BYTES = 4 * 1024;

    private final StaffNameService names;

    public StaffNameResource(StaffNameService names) {
        this.names = names;
    }

    @GET
    public List<StaffDisplayName> list(@Context ContainerRequestContext request) {
        return names.staffNames(AuthFilter.caller(request));
    }

    /** The realm's officials, supervisors and operators without a name: whom citizens see as plain "staff". */
    @GET
    @Path("/unnamed")
    public UnnamedStaff unnamed(@Context ContainerRequestContext request) {
        return names.unnamedStaff(AuthFilter.caller(request));
    }

    /** {@code {"displayName": "Олена Коваленко"}}: shown to citizens from every node's next request, audited. */
    @PUT
    @Path("/{account}")
    public StaffDisplayName name(@PathParam("account") String account, InputStream body,
                                 @Context ContainerRequestContext request) throws IOException {
        // the operator first: nobody else learns what this door takes
        Caller operator = OperatorsOnly.check(AuthFilter.caller(request), OperatorsOnly.NAMES_STAFF);
        return names.nameStaff(operator, account, Bodies.read(body, MAX_BODY_BYTES));
    }

    /** Citizens see the account's steps as {@code staff} only; answers the name it had. */
    @DELETE
    @Path("/{account}")
    public StaffDisplayName unname(@PathParam("account") String account, @Context ContainerRequestContext request) {
        return names.unnameStaff(AuthFilter.caller(request), account);
    }
}
