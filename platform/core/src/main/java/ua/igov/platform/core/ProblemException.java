package ua.igov.platform.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ua.igov.platform.spi.FieldProblem;

/**
 * Something a caller asked for that cannot be done, told the way RFC 9457 problem details tell it. The REST layer
 * turns it into an {@code application/problem+json} answer; the console prints it.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldProblem> fieldProblems;
    private final Duration retryAfter;

    /**
     * @param status the HTTP status this problem deserves
     * @param type   a short slug naming the kind of problem, e.g. {@code service-not-installed}
     * @param title  the same for every problem of this type
     * @param detail this occurrence, in words a person can act on
     */
    public ProblemException(int status, String type, String title, String detail, List<FieldProblem> fieldProblems) {
        this(status, type, title, detail, fieldProblems, null);
    }

    /** @param retryAfter when the same request may succeed (answered as {@code Retry-After}), or {@code null} */
    public ProblemException(int status, String type, String title, String detail, List<FieldProblem> fieldProblems,
                            Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.retryAfter = retryAfter;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
