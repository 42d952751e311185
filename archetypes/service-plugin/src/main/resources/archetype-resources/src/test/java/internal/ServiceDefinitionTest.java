package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.NotificationTemplate;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Workflow;

class ServiceDefinitionTest {

    private final ServiceDefinition service = new ServiceDefinition();

    @Test
    void describesItself() {
        assertEquals("${serviceCode}", service.code());
        assertEquals(Set.of(${catalogueServiceId}), service.catalogueServiceIds());
        assertTrue(service.form().jsonSchema().contains("urn:igov:form:${serviceCode}:" + service.form().version()),
                "the schema's id carries the form version");
        assertTrue(service.uiHints().orElseThrow().contains("\"en\""), "English labels beside the Ukrainian titles");
    }

    @Test
    void reviewIsDueWithinItsWorkingDaysAndEverythingElseAsByDefault() {
        Workflow workflow = service.workflow();
        assertEquals(ServiceDefinition.REVIEW_WORKING_DAYS, workflow.deadlines().get(Status.IN_REVIEW));
        assertEquals(Workflow.DEFAULT.transitions(), workflow.transitions());
        assertEquals(Workflow.DEFAULT.deadlines().get(Status.SUBMITTED), workflow.deadlines().get(Status.SUBMITTED));
    }

    @Test
    void theIssuedDocumentNamesTheApplicant() {
        Map<String, Object> document = service.issueDocument(new Decision("1-00000042-7", service.code(),
                ServiceChecksTest.form("1990-03-09", "3294008776"), "olena"));
        assertEquals("1-00000042-7", document.get("trackingNumber"));
        assertEquals("Шевченко", document.get("lastName"));
        assertEquals("personal", document.get("purpose"));
    }

    @Test
    void theIssuedDocumentIsAnnouncedInTheServicesOwnWordsInBothLanguages() {
        for (String language : NotificationTexts.LANGUAGES) {
            NotificationTemplate issued = service.notificationTemplate("issue", language).orElseThrow();
            assertTrue(issued.body().contains("{statusLink}") && issued.sms().contains("{trackingNumber}"), language);
        }
        assertTrue(service.notificationTemplate("issue", "uk").orElseThrow().subject().startsWith("Документ"));
        assertTrue(service.notificationTemplate("submit", "uk").isEmpty(), "the platform's own text for the rest");
        assertTrue(service.notificationTemplate("issue", "de").isEmpty());
    }
}
