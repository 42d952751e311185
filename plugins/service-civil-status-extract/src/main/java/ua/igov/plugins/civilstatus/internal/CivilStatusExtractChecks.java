package ua.igov.plugins.civilstatus.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.spi.UkrainianIds;

/**
 * What the schema cannot say: dates against today and against each other, who may ask for which record and from what
 * age, the tax number's check digit.
 */
final class CivilStatusExtractChecks implements SubmissionHandler {

    /** The register holds records from here on; older ones are in the state archives. */
    static final LocalDate EARLIEST_EVENT = LocalDate.of(1900, 1, 1);

    /**
     * A person gets an extract about themselves and their relatives from the age of 16, on showing a passport
     * (Порядок ведення Державного реєстру актів цивільного стану громадян, постанова КМУ № 1064).
     */
    static final int MINIMUM_AGE = 16;
    /**
     * The relations in which the same Порядок lets the applicant ask whatever their age, because they do not ask
     * about themselves or a relative in their own right: a {@code legal-representative} (опікун, піклувальник) acts for
     * the person in the record, whatever the record; and the birth record of a child is issued to its {@code parent}
     * whatever the child's age (and minor parents have the same rights towards their child as adult ones, Сімейний
     * кодекс, ст. 156). Everyone else asks in their own right and must be 16: {@code self}, a {@code child} about a
     * parent, a {@code spouse}, an {@code heir}, and a parent about any record of their child but its birth. Someone
     * younger is asked for by their parents or legal representative.
     */
    static boolean mayAskAtAnyAge(Object relation, Object kind) {
        return "legal-representative".equals(relation) || "parent".equals(relation) && "birth".equals(kind);
    }

    /**
     * The day someone born on {@code birthDate} turns {@code years} old: the same day and month that many years on,
     * or, for someone born on 29 February, the 28th in a year without the 29th (Цивільний кодекс, ст. 254: a term
     * that ends in a month without the day it would end on ends on the month's last day).
     */
    static LocalDate birthday(LocalDate birthDate, int years) {
        return birthDate.plusYears(years); // which keeps to the month's last day, as art. 254 does
    }

    private final Clock clock;

    CivilStatusExtractChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onSubmit(Submission submission) throws SubmissionRejectedException {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Map<?, ?> applicant = submission.form().get("applicant") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> subject = submission.form().get("recordSubject") instanceof Map<?, ?> m ? m : Map.of();
        Object kind = submission.form().get("recordKind");
        Object relation = submission.form().get("relation");

        LocalDate birthDate = date(applicant.get("birthDate"), "/applicant/birthDate", problems);
        if (birthDate != null && birthDate.isAfter(today)) {
            problems.add(new FieldProblem("/applicant/birthDate", "дата народження не може бути в майбутньому"));
            birthDate = null;
        }
        if (birthDate != null && birthday(birthDate, MINIMUM_AGE).isAfter(today) && !mayAskAtAnyAge(relation, kind)) {
            problems.add(new FieldProblem("/applicant/birthDate", "витяг про себе чи родичів видається з "
                    + MINIMUM_AGE + " років (вам виповниться " + MINIMUM_AGE + " " + birthday(birthDate, MINIMUM_AGE)
                    + "); до того за ним звертаються ваші батьки або законний представник"));
        }
        LocalDate eventDate = date(subject.get("eventDate"), "/recordSubject/eventDate", problems);
        if (eventDate != null && eventDate.isAfter(today)) {
            problems.add(new FieldProblem("/recordSubject/eventDate", "дата події не може бути в майбутньому"));
            eventDate = null;
        } else if (eventDate != null && eventDate.isBefore(EARLIEST_EVENT)) {
            problems.add(new FieldProblem("/recordSubject/eventDate", "Державний реєстр актів цивільного стану містить "
                    + "записи з 1900 року; про давніші події зверніться до державного архіву"));
            eventDate = null;
        }

        if ("self".equals(relation)) {
            if ("death".equals(kind)) {
                problems.add(new FieldProblem("/relation", "витяг про смерть може отримати родич, законний представник "
                        + "або спадкоємець померлої особи, а не вона сама — виберіть, ким ви їй доводитеся"));
            } else if (birthDate != null && eventDate != null) {
                if ("birth".equals(kind) && !eventDate.equals(birthDate)) {
                    problems.add(new FieldProblem("/recordSubject/eventDate", "для запису про ваше народження дата "
                            + "події має збігатися з вашою датою народження (" + birthDate + ")"));
                } else if (eventDate.isBefore(birthDate)) {
                    problems.add(new FieldProblem("/recordSubject/eventDate",
                            "подія, зареєстрована щодо вас, не може бути раніше за ваше народження"));
                }
            }
        }

        if ("birth".equals(kind) && birthDate != null && eventDate != null) {
            // a parent was born before the child, a child after the parent
            if ("parent".equals(relation) && !birthDate.isBefore(eventDate)) {
                problems.add(new FieldProblem("/applicant/birthDate", "батько чи мати народилися раніше за дитину: "
                        + "перевірте вашу дату народження або дату події"));
            } else if ("child".equals(relation) && !eventDate.isBefore(birthDate)) {
                problems.add(new FieldProblem("/recordSubject/eventDate", "батько чи мати народилися раніше за вас: "
                        + "перевірте дату події"));
            }
        }
        if (applicant.get("taxNumber") instanceof String digits) {
            UkrainianIds.taxNumberProblem(digits, birthDate)
                    .ifPresent(problem -> problems.add(new FieldProblem("/applicant/taxNumber", problem)));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }

    /** The date in {@code value}, or null (and a problem, when it is there but not a date). */
    private static LocalDate date(Object value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "дата має бути у форматі РРРР-ММ-ДД і існувати в календарі"));
            return null;
        }
    }
}
