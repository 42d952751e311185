package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a JSON Pointer names a field a form's JSON Schema describes, so an official's question about
 * {@code /applicant/birthDay} (a typo) is refused instead of asking the citizen about a field no form has.
 */
final class SchemaPointers {

    /** How deep references may lead: a schema that refers to itself ends here. */
    private static final int MOST_REFERENCES = 32;

    /** A pointer to a field: 1 to 10 steps of 1 to 100 characters each. */
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("(/[^/]{1,100}){1,10}");

    private SchemaPointers() {
    }

    /** Whether {@code pointer} has the form of a pointer to a field of a form (not the whole form, not too long). */
    static boolean isFieldPointer(String pointer) {
        return pointer != null && FIELD.matcher(pointer).matches();
    }

    /**
     * Each step of the pointer must be a property of an object schema (in its {@code properties}, or those of its
     * {@code allOf}, {@code anyOf}, {@code oneOf}, {@code then} or {@code else}, following local {@code $ref}s), any name
     * where the schema takes other properties ({@code additionalProperties} a schema, or a {@code patternProperties}
     * pattern the name matches), or an index into an array's {@code items}.
     */
    static boolean describes(JsonNode root, String pointer) {
        if (!followable(root)) {
            return true; // it refers by anchor or elsewhere, which this does not follow: it cannot tell, so it lets be
        }
        List<JsonNode> at = List.of(root);
        for (String step : pointer.substring(1).split("/", -1)) {
            String name = step.replace("~1", "/").replace("~0", "~");
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode schema : at) {
                for (JsonNode part : parts(root, schema, 0)) {
                    JsonNode property = part.path("properties").path(name);
                    if (property.isObject() || property.isBoolean() && property.asBoolean()) {
                        next.add(property);
                    } else if (part.path("additionalProperties").isObject()) {
                        next.add(part.get("additionalProperties"));
                    } else if (part.path("patternProperties").isObject()) {
                        part.get("patternProperties").fields().forEachRemaining(pattern -> {
                            if (matches(pattern.getKey(), name)) {
                                next.add(pattern.getValue());
                            }
                        });
                    } else if (name.matches("\\d{1,9}") && part.path("items").isObject()) {
                        next.add(part.get("items"));
                    }
                }
            }
            if (next.isEmpty()) {
                return false;
            }
            at = next;
        }
        return true;
    }

    /** Whether a property name matches a schema's pattern; a pattern Java cannot read matches (it cannot tell). */
    private static boolean matches(String pattern, String name) {
        try {
            return java.util.regex.Pattern.compile(pattern).matcher(name).find();
        } catch (java.util.regex.PatternSyntaxException e) {
            return true;
        }
    }

    /** Whether every reference in the schema is a JSON Pointer into it ({@code #/...}), which this follows. */
    private static boolean followable(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && !(ref.isTextual() && ref.asText().startsWith("#/"))) {
                return false;
            }
        }
        for (JsonNode child : node) {
            if (!followable(child)) {
                return false;
            }
        }
        return true;
    }

    /** The schema and every subschema that describes the same value, references followed. */
    private static List<JsonNode> parts(JsonNode root, JsonNode schema, int depth) {
        List<JsonNode> parts = new ArrayList<>();
        if (depth > MOST_REFERENCES || !schema.isObject()) {
            return parts;
        }
        parts.add(schema);
        JsonNode ref = schema.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#/")) {
            parts.addAll(parts(root, root.at(ref.asText().substring(1)), depth + 1));
        }
        for (String branch : List.of("then", "else")) {
            parts.addAll(parts(root, schema.path(branch), depth + 1));
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(list).forEach(sub -> parts.addAll(parts(root, sub, depth + 1)));
        }
        return parts;
    }
}
