package ${package}.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.spi.UkrainianIds;

/**
 * What the schema cannot say: the applicant's age on today's date and the taxpayer number against the birth date. Runs after
 * the schema has passed and before anything is stored; every problem is reported at once.
 */
final class ServiceChecks implements SubmissionHandler {

    static final int MINIMUM_AGE = 18;

    private final Clock clock;

    ServiceChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onSubmit(Submission submission) throws SubmissionRejectedException {
        List<FieldProblem> problems = new ArrayList<>();
        Map<?, ?> applicant = (Map<?, ?>) submission.form().get("applicant");   // the schema requires it
        LocalDate birthDate = LocalDate.parse((String) applicant.get("birthDate"));
        LocalDate today = LocalDate.now(clock);
        if (birthDate.isAfter(today)) {
            problems.add(new FieldProblem("/applicant/birthDate", "дата народження не може бути в майбутньому"));
        } else if (Period.between(birthDate, today).getYears() < MINIMUM_AGE) {
            problems.add(new FieldProblem("/applicant/birthDate", "за неповнолітніх звертаються батьки або опікуни"));
        }
        if (applicant.get("taxNumber") instanceof String digits) {
            UkrainianIds.taxNumberProblem(digits, birthDate)
                    .ifPresent(problem -> problems.add(new FieldProblem("/applicant/taxNumber", problem)));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }
}
