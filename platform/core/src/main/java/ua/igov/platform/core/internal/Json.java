package ua.igov.platform.core.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import ua.igov.platform.core.Problems;
import ua.igov.platform.spi.FieldProblem;

/** The core's JSON reader, with limits that keep hostile documents (deep nesting, huge strings) cheap to refuse. */
final class Json {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 100_000;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * A request body that must be a JSON object of only the given fields: 400 if it is not JSON, 422 naming the field
     * otherwise.
     */
    static JsonNode requestObject(byte[] body, Set<String> fields) {
        JsonNode request;
        try {
            request = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw Problems.malformedJson("send a JSON object with " + fields.stream().sorted().toList());
        }
        refuseNul(request);
        if (request == null || !request.isObject()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/", "the body must be a JSON object with "
                    + fields.stream().sorted().toList())));
        }
        List<FieldProblem> problems = new ArrayList<>();
        request.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                problems.add(new FieldProblem("/" + (name.length() > 64 ? name.substring(0, 64) : name),
                        "unknown field; this takes " + fields.stream().sorted().toList()));
            }
        });
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return request;
    }

    /**
     * 422 naming the first text (or field name) with a NUL character in it. No database stores one in text
     * (PostgreSQL refuses it), so such a request would otherwise fail as the database's trouble, a 503 saying
     * "try again", which never helps.
     */
    static void refuseNul(JsonNode node) {
        String at = nulAt(node, "");
        if (at != null) {
            throw Problems.invalidRequest(List.of(new FieldProblem(at.isEmpty() ? "/" : at,
                    "must not contain the NUL character (\\u0000)")));
        }
    }

    private static String nulAt(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? pointer : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String here = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (name.indexOf('\u0000') >= 0) {
                    return pointer + "/" + name.replace("\u0000", "\\u0000").replace("~", "~0").replace("/", "~1");
                }
                String found = nulAt(field.getValue(), here);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
