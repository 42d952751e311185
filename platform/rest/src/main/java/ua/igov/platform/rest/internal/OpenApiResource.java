package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.core.PluginInfo;

/**
 * The API described as OpenAPI 3.1, built on every request from what is deployed now: the platform's endpoints
 * from Jersey's own resource model (so the document cannot drift from the code), and one submission path per
 * service installed now, whose request body is that service's form schema (OpenAPI 3.1 speaks JSON Schema 2020-12).
 * It changes the moment a plugin comes or goes.
 */
@Path("/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public final class OpenApiResource {

    private static final ObjectMapper JSON = JsonProvider.mapper();

    private final PluginRegistry registry;
    private final CatalogueService catalogue;

    @Context
    private ExtendedResourceContext resources;

    public OpenApiResource(PluginRegistry registry, CatalogueService catalogue) {
        this.registry = registry;
        this.catalogue = catalogue;
    }

    @GET
    public JsonNode document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "iGov platform API");
        info.put("version", "0.1.0");
        info.put("description", "Citizens' catalogue, applications and officials' work. Errors are RFC 9457 "
                + "problem details (application/problem+json). Sign in with Authorization: Bearer <token> (citizens) "
                + "or HTTP Basic (staff).");
        doc.putArray("servers").addObject().put("url", "/api");
        ObjectNode paths = doc.putObject("paths");
        Map<String, ObjectNode> byPath = new TreeMap<>();
        for (Resource root : resources.getResourceModel().getRootResources()) {
            collect(root, "", byPath);
        }
        Map<String, JsonNode> formDefinitions = new TreeMap<>();
        for (PluginInfo plugin : registry.plugins()) {
            // the one served: a second plugin of the code waits, and its line must not stand in for the served one's
            if (plugin.kind().equals("service") && !PluginInfo.WAITING.equals(plugin.state())) {
                byPath.put("/services/" + plugin.id() + "/applications", serviceSubmission(plugin, formDefinitions));
            }
        }
        byPath.forEach(paths::set);
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("citizen").put("type", "http").put("scheme", "bearer");
        schemes.putObject("staff").put("type", "http").put("scheme", "basic");
        // Any operation may be called anonymously or with either scheme, and each decides whom it serves (the REST
        // guide says which): without this, Swagger UI sent no credentials at all after "Authorize", nor would a
        // generated client.
        ArrayNode security = doc.putArray("security");
        security.addObject();
        security.addObject().putArray("citizen");
        security.addObject().putArray("staff");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        formDefinitions.forEach(schemas::set);
        return doc;
    }

    private static void collect(Resource resource, String prefix, Map<String, ObjectNode> byPath) {
        String path = normalise(prefix + "/" + (resource.getPath() == null ? "" : resource.getPath()));
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (method.isExtended()) {
                continue; // Jersey's own OPTIONS answers (and WADL), not operations of this API
            }
            ObjectNode item = byPath.computeIfAbsent(path, p -> JSON.createObjectNode());
            item.set(method.getHttpMethod().toLowerCase(Locale.ROOT), operation(path, method));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, byPath);
        }
    }

    private static String normalise(String path) {
        String p = path.replaceAll("/+", "/").replaceAll("\\{(\\w+):[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static ObjectNode operation(String path, ResourceMethod method) {
        ObjectNode op = JSON.createObjectNode();
        String name = method.getInvocable().getDefinitionMethod().getName();
        op.put("operationId", method.getHttpMethod().toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("summary", name);
        ArrayNode parameters = JSON.createArrayNode();
        // path parameters from the template itself, so every {name} is declared whatever binds it
        java.util.regex.Matcher template = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        while (template.find()) {
            ObjectNode p = parameters.addObject();
            p.put("name", template.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.putObject("schema").put("type", "string");
        }
        boolean paged = false;
        for (Parameter parameter : method.getInvocable().getParameters()) {
            if (parameter.getSource() == Parameter.Source.QUERY) {
                ObjectNode p = parameters.addObject();
                p.put("name", parameter.getSourceName());
                p.put("in", "query");
                if (java.util.Collection.class.isAssignableFrom(parameter.getRawType())) {
                    // repeatable (the queue's status=a&status=b): a client generated from the document may send several
                    p.put("style", "form");
                    p.put("explode", true);
                    p.putObject("schema").put("type", "array").putObject("items").put("type", "string");
                } else {
                    p.putObject("schema").put("type", "string");
                }
                paged |= "after".equals(parameter.getSourceName());
            }
        }
        if (!parameters.isEmpty()) {
            op.set("parameters", parameters);
        }
        // a class's @Consumes covers its DELETE too, which reads no body
        if (!method.getConsumedTypes().isEmpty() && !"GET".equals(method.getHttpMethod())
                && !"DELETE".equals(method.getHttpMethod())) {
            ObjectNode content = op.putObject("requestBody").putObject("content");
            method.getConsumedTypes().forEach(type -> content.putObject(type.toString()));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(creates(method.getHttpMethod(), path) ? "201" : "200");
        ok.put("description", "Success");
        if (paged) {
            // a list read a page at a time: a client that does not follow Link stops at the first page unawares
            ObjectNode link = ok.putObject("headers").putObject("Link");
            link.put("description", "The next page, as <address>; rel=\"next\" (RFC 8288); absent on the last page");
            link.putObject("schema").put("type", "string");
        }
        ObjectNode content = ok.putObject("content");
        List<String> produced = method.getProducedTypes().stream().map(t -> t.getType() + "/" + t.getSubtype()).toList();
        if (produced.isEmpty()) {
            content.putObject("application/json");
        } else if (produced.contains("*/*")) {
            ATTACHMENT_TYPES.forEach(content::putObject); // a file answers in its own type
        } else {
            produced.forEach(content::putObject);
        }
        responses.set("default", problemResponse());
        return op;
    }

    /** The types an attached file may be downloaded in. */
    private static final List<String> ATTACHMENT_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    /** The POSTs that answer 201 Created: applying, attaching a file, rating. */
    static boolean creates(String httpMethod, String path) {
        return "POST".equals(httpMethod) && (path.endsWith("/applications") || path.endsWith("/attachments")
                || path.endsWith("/rating"));
    }

    /**
     * A form's own definitions ({@code $defs}) moved to the document's components: a {@code "#/$defs/address"} inside
     * a form embedded in the document points at the document's root, where tools looked for it in vain (swagger-parser
     * could not resolve the residence form). Its references are rewritten to match, keeping what follows the name.
     */
    static JsonNode withDefinitionsMoved(JsonNode form, String code, Map<String, JsonNode> components) {
        if (!(form instanceof ObjectNode object) || !(object.get("$defs") instanceof ObjectNode definitions)) {
            return form;
        }
        // a service code is [a-z0-9-]: "form.<code>." cannot be the start of another code's names
        String prefix = "form." + code + ".";
        object.remove("$defs");
        // its $id would make "#/components/..." inside it point into the form itself, for tools that honour it
        object.remove("$id");
        definitions.fields().forEachRemaining(definition -> components.put(prefix + componentName(definition.getKey()),
                rewriteReferences(definition.getValue(), prefix)));
        return rewriteReferences(object, prefix);
    }

    /** A definition's name as a component key may be ([A-Za-z0-9._-]): any other character as _ and its code point. */
    static String componentName(String name) {
        StringBuilder key = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                key.appendCodePoint(c);
            } else {
                key.append('_').append(Integer.toHexString(c)); // _ itself too, so two names never meet
            }
        });
        return key.toString();
    }

    private static JsonNode rewriteReferences(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            if (object.get("$ref") instanceof com.fasterxml.jackson.databind.node.TextNode ref
                    && ref.asText().startsWith("#/$defs/")) {
                String rest = ref.asText().substring("#/$defs/".length());
                int slash = rest.indexOf('/');
                String name = slash < 0 ? rest : rest.substring(0, slash);
                String unescaped = name.replace("~1", "/").replace("~0", "~");
                object.put("$ref", "#/components/schemas/" + prefix + componentName(unescaped)
                        + (slash < 0 ? "" : rest.substring(slash)));
            }
            object.fields().forEachRemaining(field -> rewriteReferences(field.getValue(), prefix));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteReferences(element, prefix));
        }
        return node;
    }

    private ObjectNode serviceSubmission(PluginInfo plugin, Map<String, JsonNode> formDefinitions) {
        ObjectNode item = JSON.createObjectNode();
        ObjectNode op = item.putObject("post");
        op.put("operationId", "apply_" + plugin.id().replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("summary", plugin.name());
        op.putArray("security").addObject().putArray("citizen");
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("type", "object");
        envelope.putArray("required").add("region").add("form");
        envelope.put("additionalProperties", false); // the server refuses any other field (422)
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("region").put("type", "string");
        properties.putObject("placeId").put("type", "integer");
        ObjectNode contact = properties.putObject("contact");
        contact.put("type", "object").put("additionalProperties", false)
                .put("description", "How to tell the citizen about each step (optional; what it leaves out comes from "
                        + "the form's own contact fields, if it has them, then from the identity provider)");
        ObjectNode contactFields = contact.putObject("properties");
        contactFields.putObject("email").put("type", "string").put("format", "email");
        // as the server reads them: spaces, brackets and dashes between the digits, either case of the language
        contactFields.putObject("phone").put("type", "string").put("pattern", PHONE_PATTERN);
        contactFields.putObject("language").put("type", "string").put("pattern", "^\\s*([uU][kK]|[eE][nN])\\s*$");
        try {
            properties.set("form", withDefinitionsMoved(JSON.readTree(catalogue.formSchema(plugin.id())), plugin.id(),
                    formDefinitions));
        } catch (Exception gone) {
            properties.putObject("form").put("type", "object"); // the plugin left while the document was built
        }
        op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", envelope);
        ObjectNode responses = op.putObject("responses");
        ObjectNode created = responses.putObject("201");
        created.put("description", "Submitted: the tracking number, and its address in Location");
        created.putObject("headers").putObject("Location").put("description", "The application's address")
                .putObject("schema").put("type", "string").put("format", "uri");
        ObjectNode receipt = created.putObject("content").putObject("application/json").putObject("schema");
        receipt.put("type", "object");
        ObjectNode fields = receipt.putObject("properties");
        for (String field : List.of("trackingNumber", "serviceCode", "status", "statusUrl")) {
            fields.putObject(field).put("type", "string");
        }
        fields.putObject("submittedAt").put("type", "string").put("format", "date-time");
        responses.set("default", problemResponse());
        return item;
    }

    /** A Ukrainian mobile number, +380 and 9 digits, with what the server drops between them (ECMA-262 syntax). */
    static final String PHONE_PATTERN = phonePattern("[ \\t\\n\\x0B\\f\\r()-]*");

    private static String phonePattern(String between) {
        return "^" + between + "\\+" + between + "3" + between + "8" + between + "0(" + between + "[0-9]){9}" + between
                + "$";
    }

    private static ObjectNode problemResponse() {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("description", "A problem: what is wrong and, where there are fields, which");
        problem.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return problem;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode p = schema.putObject("properties");
        for (String field : List.of("type", "title", "detail", "instance")) {
            p.putObject(field).put("type", "string");
        }
        p.putObject("status").put("type", "integer");
        ObjectNode errors = p.putObject("errors");
        errors.put("type", "array");
        ObjectNode error = errors.putObject("items");
        error.put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) error.get("properties")).putObject("message").put("type", "string");
        return schema;
    }
}
