package ua.igov.platform.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkflowTest {

    @Test
    void termsFromTheSameDayToTheLongestAreTaken() {
        assertEquals(0, Workflow.DEFAULT.withDeadlines(Map.of(Status.SUBMITTED, 0)).deadlines().get(Status.SUBMITTED));
        assertEquals(Workflow.LONGEST_TERM, Workflow.DEFAULT.withDeadlines(Map.of(Status.IN_REVIEW, Workflow.LONGEST_TERM))
                .deadlines().get(Status.IN_REVIEW));
    }

    @Test
    void aTermNobodyCouldMeetOrCountIsRefusedWithTheStatusNamed() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Workflow.DEFAULT.withDeadlines(Map.of(Status.IN_REVIEW, -1)));
        assertEquals("the term of 'in_review' must be 0 to 365 working days, was -1", negative.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> Workflow.DEFAULT.withDeadlines(Map.of(Status.APPROVED, Integer.MAX_VALUE)));
        assertEquals("the term of 'approved' must be 0 to 365 working days, was " + Integer.MAX_VALUE, huge.getMessage());
    }
}
