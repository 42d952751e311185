package ua.igov.platform.spi;

/**
 * One thing wrong with one field of a form.
 *
 * @param field   a JSON Pointer to the field, e.g. {@code /birthDate}
 * @param message what is wrong, in words a citizen can act on
 */
public record FieldProblem(String field, String message) {
}
