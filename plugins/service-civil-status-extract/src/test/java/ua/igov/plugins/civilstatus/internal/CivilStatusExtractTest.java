package ua.igov.plugins.civilstatus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.Workflow;

class CivilStatusExtractTest {

    private final CivilStatusExtract service = new CivilStatusExtract();

    private static final Map<String, Object> FORM = Map.of(
            "applicant", Map.of("lastName", "Коваленко", "firstName", "Олена", "birthDate", "1990-03-09",
                    "taxNumber", "3294001234"),
            "recordKind", "birth",
            "recordSubject", Map.of("lastName", "Коваленко", "firstName", "Олена", "patronymic", "Петрівна",
                    "eventDate", "1990-03-09", "registrationPlace", "Дніпро"),
            "relation", "self",
            "purpose", "personal",
            "contacts", Map.of("phone", "+380671234567"),
            "consentToProcessing", true);

    @Test
    void describesItself() {
        assertEquals("civil-status-extract", service.code());
        assertEquals(Set.of(1537), service.catalogueServiceIds());
        assertEquals("1.2", service.form().version());
        assertTrue(service.uiHints().orElseThrow().contains("\"en\""), "its UI hints, with English labels");
        assertTrue(service.form().jsonSchema().contains("urn:igov:form:civil-status-extract:" + service.form().version()),
                "the schema's $id carries the form version");
    }

    private static Map<String, Object> form(String field, Object value) {
        Map<String, Object> form = new HashMap<>(FORM);
        form.put(field, value);
        return form;
    }

    private long fee(Map<String, Object> form) {
        return service.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null, form));
    }

    /** 73 UAH (постанова КМУ № 1064, п. 2), not charged to an internally displaced person. */
    @Test
    void theExtractCosts73HryvniasExceptForAnInternallyDisplacedPerson() {
        assertEquals(7_300, fee(FORM), "the form without the box ticked");
        assertEquals(7_300, fee(form("internallyDisplaced", false)));
        assertEquals(0, fee(form("internallyDisplaced", true)));
    }

    @Test
    void theFormAsksWhetherTheApplicantIsInternallyDisplaced() {
        String schema = service.form().jsonSchema();
        assertTrue(schema.contains("\"internallyDisplaced\": {\"title\": \"Я внутрішньо переміщена особа\""),
                "the schema asks it, with a Ukrainian title");
        String field = schema.substring(schema.indexOf("\"internallyDisplaced\""));
        assertTrue(field.substring(0, field.indexOf('}')).contains("\"type\": \"boolean\""), "a yes or no");
        assertFalse(schema.matches("(?s).*\"required\": \\[[^\\]]*internallyDisplaced.*"), "optional");
        String hints = service.uiHints().orElseThrow();
        assertTrue(hints.contains("\"internallyDisplaced\": \"I am an internally displaced person\""), "its English label");
        assertTrue(hints.replaceAll("\\s", "").contains("\"purposeDetails\",\"internallyDisplaced\",\"contacts\""),
                "in the order, before the contacts");
        assertTrue(hints.replaceAll("\\s", "").contains("\"internallyDisplaced\":{\"widget\":\"checkbox\"}"));
    }

    /**
     * The law has the extract issued on the day of application or not later than the next working day. Each status's
     * term counts from the day it begins, so the terms on the way to the extract (take in, decide, issue) add up to
     * that one day; the rest of the workflow is the default's.
     */
    @Test
    void theTermsFromApplicationToExtractAddUpToTheNextWorkingDay() {
        Workflow workflow = service.workflow();
        assertEquals(1, CivilStatusExtract.LEGAL_TERM_WORKING_DAYS);
        assertEquals(Workflow.DEFAULT.transitions(), workflow.transitions());
        List<Status> way = wayToTheExtract(workflow);
        assertEquals(List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED), way);
        assertEquals(1, workflow.deadlines().get(Status.SUBMITTED));
        assertEquals(0, workflow.deadlines().get(Status.IN_REVIEW));
        assertEquals(0, workflow.deadlines().get(Status.APPROVED));
        assertEquals(CivilStatusExtract.LEGAL_TERM_WORKING_DAYS,
                way.stream().mapToInt(status -> workflow.deadlines().get(status)).sum());
        assertEquals(Workflow.DEFAULT.deadlines().get(Status.NEEDS_INFORMATION),
                workflow.deadlines().get(Status.NEEDS_INFORMATION), "the citizen's own term stays the default");
        assertEquals(Set.of(Status.SUBMITTED, Status.IN_REVIEW, Status.NEEDS_INFORMATION, Status.APPROVED),
                workflow.deadlines().keySet(), "every status the authority or the citizen must act in has a term");
    }

    /**
     * Every step taken on the last day its term allows: the extract is still issued by the end of the next working
     * day, an application made on a Friday or over the weekend by Monday's (2026-11-23 is a Monday).
     */
    @Test
    void anApplicationHandledAsLateAsEachStepAllowsIsIssuedByTheNextWorkingDay() {
        Workflow workflow = service.workflow();
        Map<LocalDate, LocalDate> latestIssue = Map.of(
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30));
        latestIssue.forEach((applied, issued) -> {
            LocalDate day = applied;
            for (Status status : wayToTheExtract(workflow)) {
                day = lastDay(day, workflow.deadlines().get(status));
            }
            assertEquals(issued, day, "applied on " + applied + ", a " + applied.getDayOfWeek());
            assertEquals(issued, lastDay(applied, CivilStatusExtract.LEGAL_TERM_WORKING_DAYS), "the next working day");
        });
    }

    /** The statuses an application passes through from submission to the extract: claim, approve, issue. */
    private static List<Status> wayToTheExtract(Workflow workflow) {
        List<Status> way = new java.util.ArrayList<>();
        Status status = Status.SUBMITTED;
        for (String action : List.of(Workflow.CLAIM, Workflow.APPROVE, Workflow.ISSUE)) {
            var step = workflow.transition(action).orElseThrow();
            assertTrue(step.from().contains(status), action + " from " + status);
            way.add(status);
            status = step.to();
        }
        assertEquals(Status.ISSUED, status);
        return way;
    }

    /**
     * The last day of a term of {@code workingDays} that begins on {@code start}, as the platform's working calendar
     * counts it (weekends off, no holidays here): the {@code workingDays}-th working day after {@code start}; for 0,
     * {@code start} itself if it is a working day, or else the next one.
     */
    private static LocalDate lastDay(LocalDate start, int workingDays) {
        LocalDate day = start;
        while (workingDays == 0 && !working(day)) {
            day = day.plusDays(1);
        }
        for (int left = workingDays; left > 0; ) {
            day = day.plusDays(1);
            if (working(day)) {
                left--;
            }
        }
        return day;
    }

    private static boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void theExtractCarriesTheRecordAndWhomItIsIssuedTo() {
        Map<String, Object> document = service.issueDocument(new Decision("1-000-000-007", service.code(), FORM, "official-3"));
        assertEquals("ДРАЦС-1-000-000-007", document.get("extractNumber"));
        assertEquals("народження", document.get("record"), "in words, not the form's code");
        Map<?, ?> subject = (Map<?, ?>) document.get("recordSubject");
        assertEquals("1990-03-09", subject.get("eventDate"));
        assertEquals("Дніпро", subject.get("registrationPlace"));
        assertEquals("Петрівна", subject.get("patronymic"));
        Map<?, ?> issuedTo = (Map<?, ?>) document.get("issuedTo");
        assertEquals("Коваленко", issuedTo.get("lastName"));
        assertFalse(issuedTo.containsKey("taxNumber"));
        assertFalse(issuedTo.containsKey("patronymic"), "absent fields are left out, not null");
        assertFalse(document.containsKey("contacts"));
        assertEquals("особа, якої стосується запис", document.get("relation"));
        assertEquals("для особистих потреб", document.get("purpose"));
    }

    /** A patronymic left empty (the schema takes "") is left off the extract, not printed as an empty line. */
    @Test
    void anEmptyPatronymicIsLeftOffTheExtract() {
        Map<String, Object> form = new HashMap<>(FORM);
        form.put("applicant", Map.of("lastName", "Коваленко", "firstName", "Олена", "patronymic", "",
                "birthDate", "1990-03-09"));
        form.put("recordSubject", Map.of("lastName", "Коваленко", "firstName", "Олена", "patronymic", "",
                "eventDate", "1990-03-09", "registrationPlace", "Дніпро"));
        Map<String, Object> document = service.issueDocument(new Decision("1-000-000-007", service.code(), form, "official-3"));
        Map<?, ?> subject = (Map<?, ?>) document.get("recordSubject");
        Map<?, ?> issuedTo = (Map<?, ?>) document.get("issuedTo");
        assertFalse(subject.containsKey("patronymic"), subject.toString());
        assertFalse(issuedTo.containsKey("patronymic"), issuedTo.toString());
        assertEquals(List.of("lastName", "firstName", "eventDate", "registrationPlace"), List.copyOf(subject.keySet()));
        assertEquals(List.of("lastName", "firstName"), List.copyOf(issuedTo.keySet()));
    }

    /** Every code the form offers has its words on the extract ("other" purpose: the citizen's own). */
    @Test
    void everyCodeTheFormOffersIsWorded() {
        String schema = service.form().jsonSchema();
        for (Map<String, String> words : List.of(CivilStatusExtract.RECORD_KINDS, CivilStatusExtract.RELATIONS,
                CivilStatusExtract.PURPOSES)) {
            for (String code : words.keySet()) {
                assertTrue(schema.contains("\"" + code + "\""), code + " is one of the form's codes");
            }
        }
        assertTrue(schema.contains("\"enum\": [\"birth\", \"marriage\", \"divorce\", \"name-change\", \"death\"]"));
        assertEquals(5, CivilStatusExtract.RECORD_KINDS.size());
        assertEquals(6, CivilStatusExtract.RELATIONS.size());
        assertEquals(5, CivilStatusExtract.PURPOSES.size(), "all but other");
    }
}
