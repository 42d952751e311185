package ua.igov.platform.spi;

import java.util.List;

/** A handler's answer that a submission cannot be accepted as it stands; the citizen sees every problem listed. */
public class SubmissionRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<FieldProblem> problems;

    public SubmissionRejectedException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "submission rejected" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
