package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.core.Problems;

/** Development sign-in: a token from a development identity provider, when one is installed (never in production). */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private final IdentityService identity;

    public AuthResource(IdentityService identity) {
        this.identity = identity;
    }

    @POST
    @Path("/dev-token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> devToken(InputStream body) throws IOException {
        JsonNode request;
        try {
            request = JsonProvider.STRICT_READER.readTree(Bodies.read(body, 4096));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problems.malformedJson(e.getOriginalMessage());
        } catch (IOException e) {
            // bytes Jackson took for UTF-32 but are not (a CharConversionException): the sender's mistake
            throw Problems.malformedJson("the body is not UTF-8 JSON: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw Problems.malformedJson("send {\"subject\": \"...\", \"name\": \"...\"}");
        }
        String subject = request.path("subject").isTextual() ? request.get("subject").asText() : null;
        String name = request.path("name").isTextual() ? request.get("name").asText() : null;
        return Map.of("token", identity.developmentToken(subject, name), "tokenType", "Bearer");
    }
}
