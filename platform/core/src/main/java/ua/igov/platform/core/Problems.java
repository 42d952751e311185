package ua.igov.platform.core;

import java.util.List;

import ua.igov.platform.spi.FieldProblem;

/** Every kind of problem the platform reports, in one place so the same thing is always said the same way. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException unknownService(String code) {
        return new ProblemException(404, "unknown-service", "Unknown service",
                "There is no service with the code '" + code + "'. The catalogue lists the services on offer.");
    }

    public static ProblemException serviceNotInstalled(String code) {
        return new ProblemException(404, "service-not-installed", "Service not installed",
                "The service '" + code + "' is not installed on this platform right now, so it cannot take "
                        + "applications. Applications already submitted stay readable by their tracking number.");
    }

    /** An application whose plugin is away waits: it is kept and readable, and moves again when the plugin returns. */
    public static ProblemException servicePaused(String code) {
        return new ProblemException(503, "service-not-installed", "Service not installed",
                "The service '" + code + "' is not installed on this platform right now, so its applications wait: "
                        + "they stay readable, and their next steps can be taken again as soon as it is back.");
    }

    public static ProblemException noOnlineForm(String code) {
        return new ProblemException(404, "no-online-form", "No online form",
                "The catalogue service '" + code + "' has no online form on this platform; see its offerings for "
                        + "where and how it is delivered.");
    }

    public static ProblemException unknownRegion(String region) {
        return new ProblemException(404, "unknown-region", "Unknown region",
                "There is no region '" + region + "' in the catalogue. GET /api/regions lists the regions.");
    }

    public static ProblemException unknownApplication(String trackingNumber) {
        return new ProblemException(404, "unknown-application", "Unknown application",
                "No application has the tracking number '" + trackingNumber + "'.");
    }

    public static ProblemException malformedTrackingNumber(String trackingNumber, String why) {
        return new ProblemException(400, "malformed-tracking-number", "Malformed tracking number",
                "'" + trackingNumber + "' is not a tracking number: " + why,
                List.of(new FieldProblem("trackingNumber", why)));
    }

    public static ProblemException malformedJson(String why) {
        return new ProblemException(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON: " + why);
    }

    public static ProblemException invalidRequest(List<FieldProblem> problems) {
        return new ProblemException(422, "invalid-request", "Invalid request",
                describe("The request cannot be accepted as it stands", problems), problems);
    }

    public static ProblemException invalidForm(List<FieldProblem> problems) {
        return new ProblemException(422, "invalid-form", "Invalid form",
                describe("The form has mistakes to correct", problems), problems);
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated", "Sign in first",
                "This needs a signed-in citizen (Authorization: Bearer <token>) or a member of staff (HTTP Basic).");
    }

    public static ProblemException forbidden(String why) {
        return new ProblemException(403, "forbidden", "Not allowed", why);
    }

    public static ProblemException unavailable(String what) {
        return new ProblemException(503, "unavailable", "Temporarily unavailable",
                what + " Please try again in a few minutes.");
    }

    /** How long a client waits before asking again for what the database did not answer. */
    public static final java.time.Duration READ_RETRY_AFTER = java.time.Duration.ofSeconds(30);

    /** The database did not answer a read: {@code 503} with {@code Retry-After: 30}, as the API promises for reads. */
    public static ProblemException notRead(String what) {
        return new ProblemException(503, "unavailable", "Temporarily unavailable",
                what + " Please try again in a few minutes.", List.of(), READ_RETRY_AFTER);
    }

    private static String describe(String lead, List<FieldProblem> problems) {
        StringBuilder detail = new StringBuilder(lead).append(':');
        problems.stream().limit(5).forEach(p -> detail.append(' ').append(p.field()).append(" — ").append(p.message()).append(';'));
        if (problems.size() > 5) {
            detail.append(" and ").append(problems.size() - 5).append(" more.");
        } else {
            detail.setLength(detail.length() - 1);
            detail.append('.');
        }
        return detail.toString();
    }
}
