package ua.igov.plugins.residence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Decision;

class ResidenceRegistrationTest {

    private final ResidenceRegistration service = new ResidenceRegistration();

    private static Map<String, Object> form(boolean deregister) {
        Map<String, Object> form = new HashMap<>();
        form.put("applicant", Map.of("lastName", "Шевченко", "firstName", "Тарас", "patronymic", "", "birthDate",
                "1990-03-09", "taxNumber", "3294008776", "citizenship", "UA"));
        form.put("document", Map.of("type", "id-card", "number", "001234567"));
        form.put("newAddress", Map.of("settlement", "Дніпро", "street", "просп. Яворницького", "building", "1",
                "apartment", "12", "postalCode", "49000"));
        form.put("previousAddress", Map.of("settlement", "Черкаси", "street", "вул. Шевченка", "building", "5"));
        form.put("deregisterPrevious", deregister);
        form.put("basis", "owner");
        form.put("contacts", Map.of("phone", "+380501234567"));
        form.put("consentToProcessing", true);
        return form;
    }

    /** The citizen's proof of registration says whom and where: before, it held the tracking number alone. */
    @Test
    void theExtractSaysWhoIsRegisteredWhereAndWhatWasLeft() {
        Map<String, Object> document = service.issueDocument(new Decision("1-00000001-6", service.code(), form(true), "olena"));
        assertEquals(Map.of("lastName", "Шевченко", "firstName", "Тарас", "birthDate", "1990-03-09"), document.get("person"),
                "an empty patronymic is left out; the tax number and document do not belong on it");
        assertEquals("49000, Дніпро, просп. Яворницького, буд. 1, кв. 12", document.get("registeredAddress"));
        assertEquals("Черкаси, вул. Шевченка, буд. 5", document.get("deregisteredAddress"));
        assertFalse(document.containsValue("olena"), "the official's login is never on it");

        Map<String, Object> kept = service.issueDocument(new Decision("1-00000001-6", service.code(), form(false), "olena"));
        assertFalse(kept.containsKey("deregisteredAddress"), "nothing left when not asked to");
    }

    @Test
    void messagesGoToTheFormsContacts() {
        assertEquals(Optional.of("/contacts/phone"), service.contactPhoneField());
        assertEquals(Optional.of("/contacts/email"), service.contactEmailField());
    }
}
