package ua.igov.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;


import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ApplicationPage;
import ua.igov.platform.core.ApplicationReceipt;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationSummary;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.core.AuditReport;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.core.ApplicationStatus;
import ua.igov.platform.core.CatalogueQuery;
import ua.igov.platform.core.CataloguePage;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.CatalogueStatistics;
import ua.igov.platform.core.OfferingChange;
import ua.igov.platform.core.PlaceView;
import ua.igov.platform.core.PopularService;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.RegionServiceEntry;
import ua.igov.platform.core.RegionSummary;
import ua.igov.platform.core.ServiceDescription;
import ua.igov.platform.spi.FieldProblem;

/** The API's HTTP contract, checked in memory against Jersey without a server. */
class ApiApplicationTest {

    private final Applications service = new Applications();
    private final ApplicationHandler api = new ApplicationHandler(
            ApiApplication.create(new Registry(), new Catalogue(), service, new Identity(), null, null, null));
    private String authorization = "Bearer good-token";
    /** An official of authority 89, signed in with HTTP Basic. */
    private static final String OLENA = "Basic " + java.util.Base64.getEncoder().encodeToString("olena:right".getBytes());
    private static final String OPERATOR = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:right".getBytes());

    private record Answer(int status, String type, JsonNode body, String location, String retryAfter) {
    }

    /** A request to the API under {@code /api}, signed in with {@code authorization} (none if null). */
    private static ContainerRequest request(String method, String path, String authorization) {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/"),
                URI.create("http://localhost/api" + path), method, null, new MapPropertiesDelegate(), null);
        if (authorization != null) {
            request.getHeaders().putSingle("Authorization", authorization);
        }
        return request;
    }

    private Answer call(String method, String path, String contentType, String body) throws Exception {
        return callAs(authorization, method, path, contentType, body);
    }

    private Answer callAs(String authorization, String method, String path, String contentType, String body)
            throws Exception {
        ContainerRequest request = request(method, path, authorization);
        if (contentType != null) {
            request.getHeaders().putSingle("Content-Type", contentType);
        }
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerResponse response = api.apply(request, out).get();
        String text;
        if (response.hasEntity()) {
            // In memory Jersey hands back the entity object; write it the way the JSON provider would.
            Object entity = response.getEntity();
            text = entity instanceof String s ? s : JsonProvider.mapper().writeValueAsString(entity);
        } else {
            text = "null";
        }
        MediaType type = response.getMediaType();
        Object location = response.getHeaders().getFirst("Location");
        Object retryAfter = response.getHeaders().getFirst("Retry-After");
        return new Answer(response.getStatus(), type == null ? null : type.toString(),
                JsonProvider.mapper().readTree(text), location == null ? null : location.toString(),
                retryAfter == null ? null : retryAfter.toString());
    }

    @Test
    void theOpenApiDocumentIsValidOpenApi3AndListsTheInstalledServices() throws Exception {
        authorization = null;
        Answer answer = call("GET", "/openapi.json", null, null);
        assertEquals(200, answer.status());
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser()
                .readContents(answer.body().toString(), null, null);
        assertEquals(List.of(), parsed.getMessages(), "the document validates as OpenAPI 3");
        io.swagger.v3.parser.core.models.ParseOptions resolving = new io.swagger.v3.parser.core.models.ParseOptions();
        resolving.setResolveFully(true);
        io.swagger.v3.parser.core.models.SwaggerParseResult resolved = new io.swagger.v3.parser.OpenAPIV3Parser()
                .readContents(answer.body().toString(), null, resolving);
        assertEquals(List.of(), resolved.getMessages(), "every reference resolves, a form's own $defs included");
        assertTrue(answer.body().at("/components/schemas/form.s.address/properties/street").isObject());
        assertTrue(answer.body().at("/paths/~1services~1s~1applications/post/requestBody/content/application~1json/schema/properties/form/$id")
                .isMissingNode(), "its $id would turn the references back into the form");
        assertEquals("_430_434_440_435_441_430", OpenApiResource.componentName("адреса"), "a key OpenAPI allows");
        assertEquals("#/components/schemas/form.s.address", answer.body()
                .at("/paths/~1services~1s~1applications/post/requestBody/content/application~1json/schema/properties/form/properties/home/$ref").asText());
        assertTrue(parsed.getOpenAPI().getPaths().containsKey("/health"));
        assertTrue(parsed.getOpenAPI().getPaths().containsKey("/applications/{trackingNumber}/actions/{action}"));
        assertTrue(parsed.getOpenAPI().getPaths().containsKey("/services/s/applications"), "the installed service 's'");
        parsed.getOpenAPI().getPaths().forEach((path, item) -> assertNull(item.getOptions(),
                path + ": Jersey's generated OPTIONS answer is not an operation of the API"));
        var paths = parsed.getOpenAPI().getPaths();
        for (String created : List.of("/applications/{trackingNumber}/attachments", "/applications/{trackingNumber}/rating")) {
            assertTrue(paths.get(created).getPost().getResponses().containsKey("201"), created + " answers 201");
        }
        assertTrue(paths.get("/applications/{trackingNumber}/rating/appeal").getPost().getResponses().containsKey("200"));
        assertTrue(paths.get("/open-data/statistics.csv").getGet().getResponses().get("200").getContent()
                .containsKey("text/csv"), "the CSV is documented as CSV");
        assertTrue(paths.get("/applications/{trackingNumber}/attachments/{attachmentId}").getGet().getResponses()
                .get("200").getContent().containsKey("application/pdf"), "a file in its own type");
        assertEquals(List.of(Map.of(), Map.of("citizen", List.of()), Map.of("staff", List.of())),
                parsed.getOpenAPI().getSecurity(), "credentials go with every operation once given (Swagger UI's Authorize)");
        assertEquals("S", paths.get("/services/s/applications").getPost().getSummary(),
                "the served plugin's, not that of a second one waiting for the code");
        var applied = paths.get("/services/s/applications").getPost().getResponses().get("201");
        assertTrue(applied.getHeaders().containsKey("Location"));
        assertTrue(applied.getContent().get("application/json").getSchema().getProperties().containsKey("trackingNumber"),
                "a generated client gets the tracking number back");

        // the request as the server takes it: no other field; a phone and a language as the server reads them
        JsonNode envelope = answer.body().at("/paths/~1services~1s~1applications/post/requestBody/content/"
                + "application~1json/schema");
        assertFalse(envelope.get("additionalProperties").asBoolean(), "the server refuses any other field");
        java.util.regex.Pattern phone = java.util.regex.Pattern.compile(
                envelope.at("/properties/contact/properties/phone/pattern").asText());
        for (String accepted : List.of("+380501234567", "+380 50 123 45 67", "+38 (050) 123-45-67")) {
            assertTrue(phone.matcher(accepted).matches(), accepted);
        }
        for (String refused : List.of("380501234567", "+380 50 123 45 6", "+381501234567", "+380 50 123 45 678")) {
            assertFalse(phone.matcher(refused).matches(), refused);
        }
        java.util.regex.Pattern language = java.util.regex.Pattern.compile(
                envelope.at("/properties/contact/properties/language/pattern").asText());
        assertTrue(language.matcher("EN").matches() && language.matcher("uk").matches() && language.matcher(" uk ").matches(),
                "as the server reads it: either case, spaces around");
        assertFalse(language.matcher("de").matches());
        var staffName = paths.get("/operators/staff-names/{account}");
        assertNull(staffName.getDelete().getRequestBody(), "a DELETE reads no body");
        assertTrue(staffName.getPut().getRequestBody() != null, "a PUT does");

        // the queue takes several statuses, and the lists are read a page at a time, following Link
        var queue = paths.get("/officials/queue").getGet();
        var status = queue.getParameters().stream().filter(p -> p.getName().equals("status")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("array"), status.getSchema().getTypes(), "status=a&status=b");
        assertTrue(status.getExplode());
        assertTrue(queue.getResponses().get("200").getHeaders().containsKey("Link"));
        assertTrue(paths.get("/me/applications").getGet().getResponses().get("200").getHeaders().containsKey("Link"));
        assertNull(paths.get("/catalogue").getGet().getResponses().get("200").getHeaders(), "paged by page and size");
    }

    /**
     * An offering id no offering can have is answered with the number as typed: past an int it was read as the
     * largest int, and that offering's history (if one had the id) would have been the answer.
     */
    @Test
    void anOfferingIdNoOfferingCanHaveIsUnknownAsTyped() throws Exception {
        authorization = null;
        for (String id : List.of("99999999999999999999", "0", "-5", "007")) {
            Answer answer = call("GET", "/regions/lviv/offerings/" + id + "/history", null, null);
            assertEquals(404, answer.status(), id);
            assertTrue(answer.body().get("type").asText().endsWith("unknown-offering"), answer.body().toString());
            assertTrue(answer.body().get("detail").asText().contains("no offering " + id + "."), answer.body().toString());
        }
        assertEquals(200, call("GET", "/regions/lviv/offerings/125/history", null, null).status());
        Answer nowhere = call("GET", "/regions/atlantis/offerings/0/history", null, null);
        assertTrue(nowhere.body().get("type").asText().endsWith("unknown-region"), "the region first: " + nowhere.body());
        assertEquals(400, call("GET", "/regions/lviv/offerings/12x/history", null, null).status());
    }

    /**
     * A query parameter the address does not take is named, not ignored: a misspelt filter answered everything, and
     * the caller could not tell.
     */
    @Test
    void aParameterTheAddressDoesNotTakeIsA400NamingIt() throws Exception {
        authorization = null;
        Answer misspelt = call("GET", "/catalogue?regoin=lviv", null, null);
        assertEquals(400, misspelt.status());
        assertEquals("regoin", misspelt.body().get("errors").get(0).get("field").asText(), misspelt.body().toString());
        assertTrue(misspelt.body().get("detail").asText().contains("it takes category, login, page, place, q, region, "
                + "size, status"), misspelt.body().toString());
        Answer none = call("GET", "/health?verbose=1", null, null);
        assertEquals(400, none.status());
        assertTrue(none.body().get("detail").asText().contains("it takes none"), none.body().toString());
        Answer known = call("GET", "/catalogue?region=lviv&q=abc", null, null);
        assertEquals(200, known.status(), String.valueOf(known.body()));
        assertEquals(200, call("GET", "/health", null, null).status());
        assertEquals(400, callAs("Basic " + java.util.Base64.getEncoder().encodeToString("olena:wrong".getBytes()),
                "GET", "/officials/queue?statuss=submitted", null, null).status(), "before the password is checked");
    }

    /** OPTIONS says which methods an address takes, in Allow, with no body: not a text, not an empty "JSON". */
    @Test
    void optionsAnswersAllowWithoutABody() throws Exception {
        for (String accept : new String[] {null, "application/json", "application/*", "text/plain"}) {
            ContainerRequest request = request("OPTIONS", "/regions", null);
            if (accept != null) {
                request.getHeaders().putSingle("Accept", accept);
            }
            ContainerResponse response = api.apply(request).get();
            assertEquals(204, response.getStatus(), String.valueOf(accept));
            assertTrue(response.getHeaderString("Allow").contains("GET"), response.getHeaderString("Allow"));
            assertFalse(response.hasEntity(), String.valueOf(accept));
            assertNull(response.getHeaderString("Content-Type"), String.valueOf(accept));
        }
    }

    /** A wait in whole seconds, rounded up, so that a client that waits as told is not refused again. */
    @Test
    void retryAfterIsRoundedUp() {
        assertEquals(15, ProblemResponses.retryAfterSeconds(java.time.Duration.ofMillis(14_600)));
        assertEquals(30, ProblemResponses.retryAfterSeconds(java.time.Duration.ofSeconds(30)));
        assertEquals(1, ProblemResponses.retryAfterSeconds(java.time.Duration.ofMillis(1)));
        assertEquals(1, ProblemResponses.retryAfterSeconds(java.time.Duration.ofMillis(-500)));
    }

    /** Staff asking for a citizen's list with a bad limit are told it is not theirs, not how to write the limit. */
    @Test
    void staffAskingForACitizensListAreRefusedBeforeTheirLimitIsJudged() throws Exception {
        assertEquals(403, callAs(OLENA, "GET", "/me/applications?limit=x", null, null).status());
        assertEquals(401, callAs(null, "GET", "/me/applications?limit=x", null, null).status());
        assertEquals(400, call("GET", "/me/applications?limit=x", null, null).status(), "a citizen is told");
    }

    @Test
    void anAttachmentIsOfferedForSavingInItsOwnTypeNeverCachedNorSniffed() throws Exception {
        ContainerResponse response = raw("GET", "/applications/1-00000001-6/attachments/1", authorization, null);
        assertEquals(200, response.getStatus());
        assertEquals("application/pdf", response.getMediaType().toString());
        assertEquals("%PDF-1.4", new String((byte[]) response.getEntity(), StandardCharsets.US_ASCII));
        assertEquals("attachment; filename=\"_______ (____).pdf\"; "
                + "filename*=UTF-8''%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%20%28%D1%81%D0%BA%D0%B0%D0%BD%29.pdf",
                response.getHeaderString("Content-Disposition"));
        assertEquals("private, no-store", response.getHeaderString("Cache-Control"));
        assertEquals("nosniff", response.getHeaderString("X-Content-Type-Options"));
        assertEquals("\"" + "ab".repeat(32) + "\"", response.getHeaderString("ETag"));

        Answer other = call("GET", "/applications/1-00000002-4/attachments/1", null, null);
        assertEquals(404, other.status());
        assertEquals("application/problem+json", other.type(), "a failed download answers a problem, not a file");
        authorization = null;
        assertEquals(401, call("GET", "/applications/1-00000001-6/attachments/1", null, null).status());

        // Accept is honoured, as everywhere else: a client asking for JSON is told, not sent a PDF it cannot read
        for (String[] asked : new String[][] {{"application/json", "406"}, {"image/png", "406"},
                {"application/pdf", "200"}, {"application/*", "200"}, {"*/*", "200"}}) {
            ContainerRequest request = request("GET", "/applications/1-00000001-6/attachments/1", "Bearer good-token");
            request.getHeaders().putSingle("Accept", asked[0]);
            ContainerResponse answer = api.apply(request, new ByteArrayOutputStream()).get();
            assertEquals(Integer.parseInt(asked[1]), answer.getStatus(), asked[0]);
            if (answer.getStatus() == 406) {
                assertEquals("application/problem+json", answer.getMediaType().toString(), asked[0]);
            }
        }
    }

    @Test
    void startingTheApiWarnsOfNothingThatIsFine() {
        java.util.logging.Logger jersey = java.util.logging.Logger.getLogger("org.glassfish.jersey");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                java.util.logging.Filter filter = java.util.logging.Logger.getLogger(record.getLoggerName()).getFilter();
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                        && (filter == null || filter.isLoggable(record))) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jersey.addHandler(handler);
        try {
            new ApplicationHandler(ApiApplication.create(new Registry(), new Catalogue(), new Applications(), new Identity(),
                    null, null, null));
        } finally {
            jersey.removeHandler(handler);
        }
        assertEquals(List.of(), warnings);
        java.util.logging.LogRecord other = new java.util.logging.LogRecord(java.util.logging.Level.WARNING,
                "A provider com.example.Thing registered in SERVER runtime does not implement any provider interfaces");
        assertTrue(ApiApplication.notAboutOurResources(other), "the same warning about anyone else's class still passes");
    }

    /** The tracking number whose read finds the database down. */
    private static final String DATABASE_DOWN = "1-00000003-2";

    @Test
    void aDatabaseThatDoesNotAnswerIsAProblemToRetryNeverA500NorItsInsides() throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/"),
                URI.create("http://localhost/api/applications/" + DATABASE_DOWN), "GET", null, new MapPropertiesDelegate(), null);
        request.getHeaders().putSingle("Authorization", authorization);
        ContainerResponse response = api.apply(request, new ByteArrayOutputStream()).get();
        assertEquals(503, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals("30", response.getHeaderString("Retry-After"));
        String body = JsonProvider.mapper().writeValueAsString(response.getEntity());
        assertTrue(body.contains("\"type\":\"urn:igov:problem:unavailable\""), body);
        assertFalse(body.contains("5432") || body.contains("Connection refused") || body.contains("SQLException"),
                "nothing of the database's insides: " + body);
    }

    @Test
    void aHeaderJerseyCannotReadIsAProblemNamingIt() throws Exception {
        for (String type : List.of("image/png; x=\"", "application/pdf, text/html", "/", "pdf")) {
            Answer answer = call("POST", "/services/residence-registration/applications", type, "{}");
            assertEquals(400, answer.status(), type);
            assertEquals("application/problem+json", answer.type(), type);
            assertEquals("urn:igov:problem:malformed-header", answer.body().get("type").asText(), type);
            assertEquals("Content-Type", answer.body().at("/errors/0/field").asText(), type);
        }
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/"),
                URI.create("http://localhost/api/health"), "GET", null, new MapPropertiesDelegate(), null);
        request.getHeaders().putSingle("Accept", "application/json;q=high");
        ContainerResponse response = api.apply(request, new ByteArrayOutputStream()).get();
        assertEquals(400, response.getStatus());
        assertEquals("Accept", ((ProblemBody) response.getEntity()).errors().get(0).field());
    }

    @Test
    void healthCountsPlugins() throws Exception {
        Answer answer = call("GET", "/health", null, null);
        assertEquals(200, answer.status());
        assertEquals("UP", answer.body().get("status").asText());
        assertEquals(2, answer.body().get("plugins").asInt());
    }

    /** JSON is UTF-8 whatever charset the client asked for, and its label says no other. */
    @Test
    void aJsonAnswerIsNotLabelledWithTheCharsetTheClientAskedFor() throws Exception {
        for (String path : List.of("/health", "/no-such-thing")) {
            ContainerRequest request = request("GET", path, null);
            request.getHeaders().putSingle("Accept", "application/json;charset=windows-1251;foo=bar, application/problem+json;charset=utf-16");
            ContainerResponse answer = api.apply(request, new ByteArrayOutputStream()).get();
            assertTrue(answer.getMediaType().getParameters().isEmpty(), path + ": " + answer.getMediaType());
        }
    }

    @Test
    void submitAnswers201WithLocationAndTrackingNumber() throws Exception {
        Answer answer = call("POST", "/services/residence-registration/applications", "application/json", "{}");
        assertEquals(201, answer.status());
        assertEquals("1-00000001-6", answer.body().get("trackingNumber").asText());
        assertEquals("http://localhost/api/applications/1-00000001-6", answer.location());
    }

    @Test
    void platformProblemsBecomeProblemDetailsWithFields() throws Exception {
        Answer answer = call("POST", "/services/invalid/applications", "application/json", "{}");
        assertEquals(422, answer.status());
        assertEquals("application/problem+json", answer.type());
        assertEquals("urn:igov:problem:invalid-form", answer.body().get("type").asText());
        assertEquals("/birthDate", answer.body().get("errors").get(0).get("field").asText());
        assertEquals("/api/services/invalid/applications", answer.body().get("instance").asText());
    }

    @Test
    void jerseysOwnRefusalsAreProblemDetailsToo() throws Exception {
        Answer noSuchPath = call("GET", "/nowhere", null, null);
        assertEquals(404, noSuchPath.status());
        assertEquals("application/problem+json", noSuchPath.type());

        Answer wrongMethod = call("DELETE", "/health", null, null);
        assertEquals(405, wrongMethod.status());
        assertEquals("urn:igov:problem:method-not-allowed", wrongMethod.body().get("type").asText());

        Answer wrongType = call("POST", "/services/residence-registration/applications", "text/plain", "hello");
        assertEquals(415, wrongType.status());
        assertEquals("Send the body as application/json.", wrongType.body().get("detail").asText());

        Answer untyped = call("POST", "/services/residence-registration/applications", null, "{\"region\": \"x\"}");
        assertEquals(415, untyped.status(), "a body with no Content-Type is not taken for JSON");
        assertEquals("Send the body as application/json.", untyped.body().get("detail").asText());
        Answer untypedToken = callAs(null, "POST", "/auth/dev-token", null, "{\"subject\": \"taras\"}");
        assertEquals(415, untypedToken.status());
    }

    @Test
    void aTypeTheAddressCannotAnswerInIsRefusedNamingTheOnesItCan() throws Exception {
        ContainerRequest csvAsJson = request("GET", "/open-data/statistics.csv", null);
        csvAsJson.getHeaders().putSingle("Accept", "application/json");
        ContainerResponse refused = api.apply(csvAsJson, new ByteArrayOutputStream()).get();
        assertEquals(406, refused.getStatus());
        String detail = ((ProblemBody) refused.getEntity()).detail();
        assertTrue(detail.contains("text/csv") && !detail.contains("application/json"), detail);

        ContainerRequest jsonAsXml = request("GET", "/health", null);
        jsonAsXml.getHeaders().putSingle("Accept", "application/xml");
        refused = api.apply(jsonAsXml, new ByteArrayOutputStream()).get();
        assertEquals(406, refused.getStatus());
        detail = ((ProblemBody) refused.getEntity()).detail();
        assertTrue(detail.contains("application/json") && !detail.contains("csv"), detail);
    }

    @Test
    void searchParametersThatAreNotNumbersAreNamed() throws Exception {
        Answer answer = call("GET", "/catalogue?size=lots", null, null);
        assertEquals(400, answer.status());
        assertEquals("size", answer.body().get("errors").get(0).get("field").asText());
        Answer several = call("GET", "/catalogue?size=lots&page=x&status=open", null, null);
        assertEquals(400, several.status());
        assertEquals("[\"page\",\"size\",\"status\"]", several.body().get("errors").findValuesAsText("field").stream()
                .collect(java.util.stream.Collectors.joining("\",\"", "[\"", "\"]")), "every mistake at once");
        assertEquals(200, call("GET", "/catalogue?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82&size=5", null, null).status());
        assertEquals(200, callAs(OLENA, "GET", "/officials/queue?limit=99999999999", null, null).status(),
                "a queue's limit past its range is brought into it, as the docs say");
    }

    @Test
    void tooLargeABodyIsRefusedUnread() throws Exception {
        String huge = "{\"x\": \"" + "a".repeat(ServiceResource.MAX_BODY_BYTES) + "\"}";
        Answer answer = call("POST", "/services/residence-registration/applications", "application/json", huge);
        assertEquals(413, answer.status());
    }

    @Test
    void aBodyDeclaredLargerThanAnyEndpointTakesIsRefusedBeforeAnythingReadsIt() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean read = new java.util.concurrent.atomic.AtomicBoolean();
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/"),
                URI.create("http://localhost/api/services/residence-registration/applications"), "POST", null,
                new MapPropertiesDelegate(), null);
        request.getHeaders().putSingle("Content-Type", "application/json");
        request.getHeaders().putSingle("Authorization", authorization);
        request.getHeaders().putSingle("Content-Length", String.valueOf(10 * 1024 * 1024));
        request.setEntityStream(new java.io.InputStream() {
            @Override
            public int read() {
                read.set(true);
                return -1;
            }
        });
        ContainerResponse response = api.apply(request, new ByteArrayOutputStream()).get();
        assertEquals(413, response.getStatus());
        assertFalse(read.get(), "the body was not read");
        assertEquals(201, call("POST", "/services/residence-registration/applications", "application/json", "{}").status(),
                "a body of a declared size under the limit goes through to the endpoint");
    }

    @Test
    void aBugIsA500WithAReferenceNotAStackTrace() throws Exception {
        Answer answer = call("GET", "/services/explode", null, null);
        assertEquals(500, answer.status());
        String detail = answer.body().get("detail").asText();
        assertTrue(detail.contains("reference"));
        assertFalse(answer.body().toString().contains("at ua.igov"));
    }

    private static final class Registry implements PluginRegistry {
        @Override
        public List<PluginInfo> plugins() {
            return List.of(new PluginInfo("region", "r", "R", "b", "1", ""), new PluginInfo("service", "s", "S", "b", "1", ""),
                    new PluginInfo("service", "s", "waits: b2 2 serves this service", "b2", "2", "", PluginInfo.WAITING));
        }

        @Override
        public PluginCounts counts() {
            return new PluginCounts(1, 1);
        }

        @Override
        public Instant startedAt() {
            return Instant.now();
        }
    }

    private static final class Catalogue implements CatalogueService {
        @Override
        public List<RegionSummary> regions() {
            return List.of();
        }

        @Override
        public List<RegionServiceEntry> regionServices(String regionId) {
            throw Problems.unknownRegion(regionId);
        }

        @Override
        public String uiHints(String code) {
            throw Problems.unknownService(code);
        }

        @Override
        public List<PlaceView> places(String regionId) {
            if ("lviv".equals(regionId)) {
                return List.of();
            }
            throw Problems.unknownRegion(regionId);
        }

        @Override
        public CataloguePage search(CatalogueQuery query, List<FieldProblem> foundBefore) {
            List<FieldProblem> problems = new java.util.ArrayList<>(foundBefore);
            problems.addAll(query.problems());
            if (!problems.isEmpty()) {
                throw new ua.igov.platform.core.ProblemException(400, "invalid-query", "Invalid query", "bad", problems);
            }
            return new CataloguePage(0, query.page(), query.size(), List.of());
        }

        @Override
        public CatalogueStatistics statistics() {
            return null;
        }

        @Override
        public List<PopularService> mostRequested(String regionId, int limit) {
            return List.of();
        }

        @Override
        public List<OfferingChange> offeringHistory(String regionId, int offeringId) {
            return List.of();
        }

        @Override
        public ServiceDescription service(String code) {
            if (code.equals("explode")) {
                throw new IllegalStateException("a bug");
            }
            throw Problems.unknownService(code);
        }

        @Override
        public String formSchema(String code) {
            if (code.equals("s")) { // as the residence form: an address defined once and referred to twice
                return "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\": \"urn:igov:form:s:1.0\", \"type\": \"object\", "
                        + "\"properties\": {\"home\": {\"$ref\": \"#/$defs/address\"}, \"previous\": {\"$ref\": "
                        + "\"#/$defs/address\"}}, \"$defs\": {\"address\": {\"type\": \"object\", \"properties\": "
                        + "{\"street\": {\"type\": \"string\"}}}}}";
            }
            throw Problems.serviceNotInstalled(code);
        }
    }

    /** Counted down by each upload the fake service holds; the uploads wait for the other latch before they finish. */
    private static volatile java.util.concurrent.CountDownLatch uploadsInside = new java.util.concurrent.CountDownLatch(0);
    private static volatile java.util.concurrent.CountDownLatch uploadsMayFinish = new java.util.concurrent.CountDownLatch(0);

    /**
     * At most {@link ApplicationResource#MAX_UPLOADS_AT_ONCE} files are held in memory at once: the next upload gets
     * 503 with Retry-After at once, and uploads go through again when those finish. One caller may have only
     * {@link ApplicationResource#MAX_UPLOADS_PER_CALLER} of them (429 beyond), so one citizen sending slowly cannot
     * keep the others out. A file for an application the service refuses is not read at all, so it takes no place.
     */
    @Test
    void uploadsHeldAtOnceAreLimitedAndARefusedOneIsNotRead() throws Exception {
        int limit = ApplicationResource.MAX_UPLOADS_AT_ONCE;
        uploadsInside = new java.util.concurrent.CountDownLatch(limit);
        uploadsMayFinish = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(limit);
        try {
            List<java.util.concurrent.Future<Answer>> held = new java.util.ArrayList<>();
            for (int i = 0; i < limit; i++) {
                String who = "Bearer citizen-" + (i / ApplicationResource.MAX_UPLOADS_PER_CALLER);
                held.add(clients.submit(() -> callAs(who, "POST", "/applications/1-00000001-6/attachments?name=a.pdf",
                        "application/pdf", "%PDF-1.7")));
            }
            assertTrue(uploadsInside.await(20, java.util.concurrent.TimeUnit.SECONDS), "all held");
            Answer third = callAs("Bearer citizen-0", "POST", "/applications/1-00000001-6/attachments?name=b.pdf",
                    "application/pdf", "%PDF-1.7");
            assertEquals(429, third.status(), "a third at once from one citizen");
            assertEquals("1", third.retryAfter());
            Answer busy = call("POST", "/applications/1-00000001-6/attachments?name=b.pdf", "application/pdf", "%PDF-1.7");
            assertEquals(503, busy.status(), busy.body().toString());
            assertEquals("1", busy.retryAfter());
            assertEquals(404, call("POST", "/applications/1-00000002-4/attachments?name=c.pdf", "application/pdf",
                    "%PDF-1.7").status(), "refused before its file is read: the limit does not matter to it");
            uploadsMayFinish.countDown();
            for (java.util.concurrent.Future<Answer> upload : held) {
                assertEquals(201, upload.get(20, java.util.concurrent.TimeUnit.SECONDS).status());
            }
            assertEquals(201, call("POST", "/applications/1-00000001-6/attachments?name=d.pdf", "application/pdf",
                    "%PDF-1.7").status(), "the places are given back");
        } finally {
            uploadsMayFinish.countDown();
            clients.shutdownNow();
        }
    }

    private static final class Applications implements ApplicationService {
        @Override
        public ApplicationReceipt submit(Caller caller, String serviceCode, byte[] body) {
            if (serviceCode.equals("invalid")) {
                throw Problems.invalidForm(List.of(new FieldProblem("/birthDate", "is missing but it is required")));
            }
            return new ApplicationReceipt("1-00000001-6", serviceCode, "submitted", Instant.now());
        }

        @Override
        public ApplicationView application(Caller caller, String trackingNumber) {
            if (trackingNumber.equals(DATABASE_DOWN)) {
                throw new ua.igov.platform.store.StoreException("cannot read application " + trackingNumber
                        + ": java.net.ConnectException: Connection refused to db.internal:5432",
                        new java.sql.SQLException("Connection refused"));
            }
            throw Problems.unknownApplication(trackingNumber);
        }

        @Override
        public ApplicationSummary summary(Caller caller, String trackingNumber) {
            throw Problems.unknownApplication(trackingNumber);
        }

        /** The last list's {@code escalated} and {@code after} as the service got them. */
        volatile Boolean escalatedAsked;
        volatile String afterAsked;

        @Override
        public ApplicationPage mine(Caller caller, String after, int limit) {
            if (!(caller instanceof Caller.CitizenCaller)) { // as the core answers
                throw caller == null ? Problems.unauthenticated() : Problems.forbidden("Only a citizen has applications.");
            }
            afterAsked = after;
            return new ApplicationPage(List.of(), null);
        }

        /** Escalated ones: one, and a next page after it (which is empty). */
        @Override
        public ApplicationPage queue(Caller caller, List<String> statuses, Boolean escalated, String after,
                                     int limit) {
            escalatedAsked = escalated;
            afterAsked = after;
            return Boolean.TRUE.equals(escalated) && after == null ? new ApplicationPage(List.of(new ApplicationSummary(
                    "1-00000001-6", "residence-registration", "testland", 7, "submitted",
                    Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-27T21:59:59.999Z"), true,
                    null, null, Instant.parse("2026-11-28T00:05:00Z"))), "bmV4dA")
                    : new ApplicationPage(List.of(), null);
        }

        @Override
        public ApplicationView act(Caller caller, String trackingNumber, String action, byte[] body) {
            throw Problems.unknownApplication(trackingNumber);
        }

        @Override
        public ApplicationView.AttachmentView attach(Caller caller, String n, String name, String type,
                                                     java.util.function.Supplier<byte[]> content) {
            if (!n.equals("1-00000001-6")) {
                throw Problems.unknownApplication(n);
            }
            byte[] file = content.get();
            uploadsInside.countDown();
            try {
                uploadsMayFinish.await(); // the file held, as a slow store would hold it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ApplicationView.AttachmentView(1, name, type, file.length, "ab".repeat(32), java.time.Instant.EPOCH);
        }

        @Override
        public ua.igov.platform.core.AttachmentDownload attachment(Caller caller, String n, String id) {
            if (n.equals("1-00000001-6") && id.equals("1")) {
                return new ua.igov.platform.core.AttachmentDownload(1, "паспорт (скан).pdf", "application/pdf",
                        "ab".repeat(32), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
            }
            throw Problems.unknownApplication(n);
        }

        @Override
        public ua.igov.platform.core.AuditTrail auditTrail(Caller caller, String n) {
            if (n.equals("1-00000001-6")) {
                return new ua.igov.platform.core.AuditTrail(List.of(new ua.igov.platform.core.AuditTrailEntry(
                        Instant.parse("2026-11-26T09:05:40Z"), "staff", null, "read-personal-data", null)), true);
            }
            throw Problems.unknownApplication(n);
        }

        @Override
        public AuditReport verifyAudit(Caller caller) {
            throw Problems.forbidden("operators only");
        }

        @Override
        public ApplicationStatus status(Caller operator, String trackingNumber) {
            throw Problems.unknownApplication(trackingNumber);
        }

        @Override
        public String statusLink() {
            return "https://igov.example/status/{trackingNumber}";
        }
    }

    private static final class Identity implements IdentityService {
        @Override
        public java.util.Optional<Caller.CitizenCaller> citizen(String token) {
            if (token.matches("citizen-\\d+")) {
                return java.util.Optional.of(new Caller.CitizenCaller(new Citizen(token, "Громадянин", "dev")));
            }
            return token.equals("good-token")
                    ? java.util.Optional.of(new Caller.CitizenCaller(new Citizen("taras", "Тарас", "dev")))
                    : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<Caller.Staff> staff(String user, String password) {
            if (!"right".equals(password)) {
                return java.util.Optional.empty();
            }
            return switch (user) {
                case "olena" -> java.util.Optional.of(new Caller.Staff("olena",
                        java.util.Set.of(ua.igov.platform.spi.Role.OFFICIAL), java.util.Set.of(89), false));
                case "clerk" -> java.util.Optional.of(new Caller.Staff("clerk", java.util.Set.of(), java.util.Set.of(), false));
                case "admin" -> java.util.Optional.of(new Caller.Staff("admin", java.util.Set.of(), java.util.Set.of(), true));
                default -> java.util.Optional.empty();
            };
        }

        @Override
        public String developmentToken(String subject, String name) {
            if ("taras".equals(subject)) {
                return "token-of-" + name;
            }
            throw new ua.igov.platform.core.ProblemException(404, "no-development-identity", "No", "none installed");
        }
    }

    /** What a signed-in caller reads is stored by no cache; public answers stay cacheable; a file keeps its own policy. */
    @Test
    void answersToSignedInCallersAreNeverStored() throws Exception {
        ContainerResponse mine = raw("GET", "/me/applications", "Bearer good-token", null);
        assertEquals(200, mine.getStatus());
        assertEquals("no-store", mine.getHeaderString("Cache-Control"));
        assertTrue(mine.getHeaderString("Vary").contains("Authorization"), mine.getHeaderString("Vary"));
        ContainerResponse refused = raw("GET", "/me/applications", "Bearer forged", null);
        assertEquals(401, refused.getStatus());
        assertEquals("no-store", refused.getHeaderString("Cache-Control"));
        assertNull(raw("GET", "/health", null, null).getHeaderString("Cache-Control"), "public: left to the caches");
        assertEquals("private, no-store", raw("GET", "/applications/1-00000001-6/attachments/1", "Bearer good-token", null)
                .getHeaderString("Cache-Control"));
    }

    /** A service's reviews may be cached, but are asked for again before they are shown: a hidden comment goes at once. */
    @Test
    void publicReviewsAreRevalidatedByCaches() throws Exception {
        ua.igov.platform.core.RatingService ratings = (ua.igov.platform.core.RatingService) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ua.igov.platform.core.RatingService.class},
                        (proxy, method, args) -> method.getName().equals("reviews") ? List.of() : null);
        ApplicationHandler withReviews = new ApplicationHandler(ApiApplication.create(new Registry(), new Catalogue(),
                service, new Identity(), null, ratings, null));
        ContainerResponse answer = withReviews.apply(request("GET", "/services/residence-registration/reviews", null),
                new ByteArrayOutputStream()).get();
        assertEquals(200, answer.getStatus());
        assertEquals("no-cache", answer.getHeaderString("Cache-Control"));
    }

    /** A Content-Length past what an int holds is a 413 like any too large body, not a 500. */
    @Test
    void aDeclaredLengthPastTwoGigabytesIsTooLargeNotAnError() throws Exception {
        for (String length : List.of("3000000000", "99999999999999999999999", "6000000")) {
            ContainerResponse answer = raw("POST", "/services/s/applications", "Bearer good-token", length);
            assertEquals(413, answer.getStatus(), length);
        }
    }

    private ContainerResponse raw(String method, String path, String authorization, String contentLength) throws Exception {
        ContainerRequest request = request(method, path, authorization);
        if (contentLength != null) {
            request.getHeaders().putSingle("Content-Type", "application/json");
            request.getHeaders().putSingle("Content-Length", contentLength);
            request.setEntityStream(new ByteArrayInputStream(new byte[0]));
        }
        return api.apply(request, new ByteArrayOutputStream()).get();
    }

    /** The one body the API reads itself is read by the same strict rules as every other. */
    @Test
    void theDevelopmentSignInReadsItsBodyAsStrictlyAsEveryOtherEndpoint() throws Exception {
        authorization = null;
        Answer fine = call("POST", "/auth/dev-token", "application/json", "{\"subject\": \"taras\", \"name\": \"T\"}");
        assertEquals(200, fine.status(), fine.body().toString());
        assertEquals("token-of-T", fine.body().get("token").asText());
        for (String hostile : List.of("{\"subject\": \"ivan\", \"subject\": \"taras\", \"name\": \"T\"}",
                "{\"subject\": \"taras\", \"name\": \"T\"} {\"subject\": \"x\"}",
                "{\"subject\": \"taras\", \"name\": \"T\", \"n\": " + "[".repeat(40) + "]".repeat(40) + "}",
                "{\"subject\": \"taras\", \"name\": \"T\", \"n\": 1" + "0".repeat(200) + "}", "", "[1]")) {
            Answer refused = call("POST", "/auth/dev-token", "application/json", hostile);
            assertEquals(400, refused.status(), hostile);
            assertEquals("urn:igov:problem:malformed-json", refused.body().get("type").asText(), hostile);
        }
        assertEquals(415, call("POST", "/auth/dev-token", "text/plain", "{}").status());
    }

    /**
     * Staff and operator doors check who is asking before they read a parameter or a body: nobody else learns what
     * they take, and an anonymous caller gets 401 whatever they sent.
     */
    @Test
    void staffAndOperatorDoorsAskWhoIsAskingBeforeTheyReadAnything() throws Exception {
        String tooBig = "{\"premoderation\": true, \"x\": \"" + "a".repeat(20_000) + "\"}";
        String clerk = "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:right".getBytes()); // no role
        for (String who : new String[] {null, "Bearer good-token", clerk, OLENA}) {
            authorization = who;
            int refused = who == null ? 401 : 403;
            if (who != OLENA) {
                assertEquals(refused, call("GET", "/officials/queue?limit=abc", null, null).status(), who);
                assertEquals(refused, call("GET", "/officials/queue?escalated=maybe", null, null).status(), who);
            }
            assertEquals(refused, call("GET", "/operators/reviews?service=x&limit=abc", null, null).status(), who);
            assertEquals(refused, call("GET", "/operators/reviews/unchecked?limit=x", null, null).status(), who);
            assertEquals(refused, call("PUT", "/operators/reviews/policy", "application/json", tooBig).status(), who);
            assertEquals(refused, call("POST", "/operators/reviews/1-00000001-6/hide-comment", "application/json", tooBig)
                    .status(), who);
            assertEquals(refused, call("PUT", "/operators/staff-names/olena", "application/json", tooBig).status(), who);
        }
        authorization = OLENA;
        assertEquals(400, call("GET", "/officials/queue?limit=abc", null, null).status(), "staff learn what is wrong");
        authorization = null;
        for (String rating : new String[] {"", "/appeal", "/reply"}) {
            assertEquals(401, call("POST", "/applications/1-00000001-6/rating" + rating, "application/json", tooBig)
                    .status(), rating);
        }
        authorization = OLENA; // staff neither rate nor appeal; a citizen does not reply
        for (String rating : new String[] {"", "/appeal"}) {
            assertEquals(403, call("POST", "/applications/1-00000001-6/rating" + rating, "application/json", tooBig)
                    .status(), rating);
        }
        authorization = "Bearer good-token";
        assertEquals(403, call("POST", "/applications/1-00000001-6/rating/reply", "application/json", tooBig).status());
    }

    /** The review lists say what they take rather than quietly showing one review, or 200, for a limit out of range. */
    @Test
    void aReviewListsLimitOutOfRangeIsABadQuery() throws Exception {
        for (String limit : new String[] {"0", "-5", "201", "100000"}) {
            ContainerResponse answer = raw("GET", "/services/residence-registration/reviews?limit=" + limit, null, null);
            assertEquals(400, answer.getStatus(), limit);
        }
        authorization = OPERATOR;
        assertEquals(400, call("GET", "/operators/reviews?service=residence-registration&limit=0", null, null).status());
        assertEquals(400, call("GET", "/operators/reviews/unchecked?limit=201", null, null).status());
    }

    /** Jersey serves the queue with a slash at the end too: its statuses may repeat there as well. */
    @Test
    void theQueuesStatusesMayRepeatWithASlashAtTheEnd() throws Exception {
        authorization = OLENA;
        assertEquals(200, call("GET", "/officials/queue/?status=submitted&status=in_review", null, null).status());
        assertEquals(400, call("GET", "/officials/queue/?limit=1&limit=2", null, null).status());
    }

    /** A long trail shows its newest entries and says that older ones are left out. */
    @Test
    void anAuditTrailWithOlderEntriesLeftOutSaysSo() throws Exception {
        ContainerResponse trail = raw("GET", "/applications/1-00000001-6/audit-trail", "Bearer good-token", null);
        assertEquals(200, trail.getStatus());
        assertEquals("true", trail.getHeaderString("X-Igov-Older-Entries-Left-Out"));
        assertEquals(404, raw("GET", "/applications/1-00000002-4/audit-trail", "Bearer good-token", null).getStatus());
    }

    @Test
    void anonymousAndBadCredentialsAre401WithAChallenge() throws Exception {
        authorization = null;
        Answer anonymous = call("POST", "/services/residence-registration/applications", "application/json", "{}");
        assertEquals(401, anonymous.status());
        assertEquals("urn:igov:problem:unauthenticated", anonymous.body().get("type").asText());
        authorization = "Bearer forged";
        assertEquals(401, call("GET", "/me", null, null).status());
        authorization = "Basic !!!";
        assertEquals(401, call("GET", "/officials/queue", null, null).status());
        for (String empty : List.of("", " ")) {
            authorization = empty;
            assertEquals(401, call("GET", "/catalogue", null, null).status(), "an empty Authorization is not anonymity");
        }
        authorization = null;
        assertEquals(200, call("GET", "/health", null, null).status(), "health stays public");
    }

    @Test
    void theQueueHandsTheEscalatedFilterToTheServiceAndShowsWhenTheyWereEscalated() throws Exception {
        authorization = OLENA;
        Answer escalated = call("GET", "/officials/queue?escalated=true", null, null);
        assertEquals(200, escalated.status());
        assertEquals(1, escalated.body().size());
        assertTrue(escalated.body().get(0).get("escalated").asBoolean());
        assertEquals("2026-11-28T00:05:00Z", escalated.body().get(0).get("escalatedAt").asText());
        assertEquals(Boolean.TRUE, service.escalatedAsked);
        assertEquals(0, call("GET", "/officials/queue?escalated=false", null, null).body().size());
        assertEquals(Boolean.FALSE, service.escalatedAsked, "false asks for those not escalated");
        assertEquals(200, call("GET", "/officials/queue", null, null).status());
        assertNull(service.escalatedAsked, "left out, both");

        assertEquals(200, call("GET", "/officials/queue?status=submitted&status=in_review", null, null).status(),
                "the queue takes several statuses");
        Answer twice = call("GET", "/officials/queue?escalated=true&escalated=false", null, null);
        assertEquals(400, twice.status());
        assertEquals("escalated", twice.body().get("errors").get(0).get("field").asText());
        Answer catalogue = call("GET", "/catalogue?status=online&status=in_work", null, null);
        assertEquals(400, catalogue.status(), "not half ignored");
        assertEquals("status", catalogue.body().get("errors").get(0).get("field").asText());

        Answer bad = call("GET", "/officials/queue?escalated=maybe", null, null);
        assertEquals(400, bad.status());
        assertEquals("application/problem+json", bad.type());
        assertEquals("escalated", bad.body().get("errors").get(0).get("field").asText());
    }

    /**
     * A page of a list says where the next is as a Link relative to the server, this request's own query with
     * {@code after} set; the last page has none; {@code after} reaches the service as sent.
     */
    @Test
    void aListWithMorePagesLinksToTheNextAndHandsItsPositionToTheService() throws Exception {
        ContainerResponse first = raw("GET", "/officials/queue?escalated=true&status=submitted&status=in_review&limit=1",
                OLENA, null);
        assertEquals(200, first.getStatus());
        assertEquals("</api/officials/queue?escalated=true&limit=1&after=bmV4dA&status=submitted&status=in_review>; "
                + "rel=\"next\"", first.getHeaderString("Link"), "every status kept");
        ContainerResponse last = raw("GET", "/officials/queue?escalated=true&status=submitted&limit=1&after=bmV4dA",
                OLENA, null);
        assertEquals(200, last.getStatus());
        assertEquals("bmV4dA", service.afterAsked);
        assertNull(last.getHeaderString("Link"), "no next page");

        assertEquals(200, raw("GET", "/me/applications?after=abc", "Bearer good-token", null).getStatus());
        assertEquals("abc", service.afterAsked, "a citizen's list pages the same way");
        assertEquals(400, callAs(OLENA, "GET", "/officials/queue?after=1&after=2", null, null).status(),
                "one position");
    }
}
