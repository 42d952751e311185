package ua.igov.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;

import ua.igov.platform.core.Caller;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.core.ProblemException;

/**
 * Works out who is calling from the {@code Authorization} header: {@code Bearer <token>} for citizens (checked by
 * the identity-provider plugins), {@code Basic} for staff (checked by Karaf's JAAS realm). Credentials that do not
 * check out are refused at once with 401; no header means an anonymous caller, which only public endpoints serve.
 */
final class AuthFilter implements ContainerRequestFilter {

    static final String CALLER = "igov.caller";

    private final IdentityService identity;

    AuthFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return; // anonymous; an empty header is credentials that do not check out, as the docs say
        }
        Optional<? extends Caller> caller;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = identity.citizen(header.substring(7).strip());
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = basic(header.substring(6).strip());
        } else {
            throw refused("Use Authorization: Bearer <token> (citizens) or Basic (staff).");
        }
        request.setProperty(CALLER, caller.orElseThrow(() -> refused(
                "The credentials were not accepted: the token is invalid or expired, or the user name or password is wrong.")));
    }

    private Optional<Caller.Staff> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : identity.staff(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    static ProblemException refused(String detail) {
        return new ProblemException(401, "unauthenticated", "Sign in first", detail);
    }

    static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(CALLER);
    }
}
