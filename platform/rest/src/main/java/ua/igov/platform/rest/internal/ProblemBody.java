package ua.igov.platform.rest.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details document, with one extension member: {@code errors}, the fields to fix.
 *
 * @param type     {@code urn:igov:problem:<slug>}; docs/rest-api.md lists every slug
 * @param instance the request path the problem is about
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemBody(String type, String title, int status, String detail, String instance,
                          List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:igov:problem:";

    /** One field a person must fix, as a JSON Pointer, and why. */
    public record FieldError(String field, String message) {
    }
}
