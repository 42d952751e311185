package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.DisallowSchemaLoader;
import ua.igov.platform.spi.FieldProblem;

/**
 * A service's form schema, compiled once when its plugin arrives. Validation is the JSON Schema library's (draft
 * 2020-12, formats asserted); this class only turns its findings into field problems a citizen can act on.
 */
final class FormSchema {

    /**
     * Meta-schemas come from the library's own resources through this bundle's class loader (in OSGi the context
     * class loader cannot see them); any other remote reference is refused, since the runtime never goes online.
     */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders
                    .add(new ClasspathSchemaLoader(FormSchema.class::getClassLoader))
                    .add(DisallowSchemaLoader.getInstance())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(EndAnchoredPatterns.INSTANCE) // "$" is the end, as in JavaScript
            .locale(Locale.forLanguageTag("uk")) // citizens read these messages; the library ships Ukrainian
            .build();
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(
            "{\"$ref\": \"https://json-schema.org/draft/2020-12/schema\"}", CONFIG);

    private final JsonSchema schema;

    private FormSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** @throws IllegalArgumentException if the text is not a JSON Schema */
    static FormSchema compile(String schemaJson) {
        Set<ValidationMessage> metaProblems = META_SCHEMA.validate(schemaJson, InputFormat.JSON);
        if (!metaProblems.isEmpty()) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + metaProblems.iterator().next().getMessage());
        }
        JsonSchema schema = FACTORY.getSchema(schemaJson, CONFIG);
        // Resolve every reference now: a schema that points somewhere unreachable is refused when its plugin
        // arrives, not at a citizen's submission.
        schema.initializeValidators();
        return new FormSchema(schema);
    }

    List<FieldProblem> validate(JsonNode form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(form)) {
            problems.add(new FieldProblem(fieldOf(message), messageOf(message)));
        }
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }

    /** A missing field is reported at its parent by the library; the citizen needs the field itself. */
    private static String fieldOf(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        String base = at.isEmpty() ? "" : at;
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return base + "/" + message.getProperty();
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            return base + "/" + message.getProperty();
        }
        return base.isEmpty() ? "/" : base;
    }

    /** The library prefixes its message with the location, which the field already says. */
    private static String messageOf(ValidationMessage message) {
        String text = message.getMessage();
        String location = message.getInstanceLocation().toString();
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        }
        return text;
    }
}
