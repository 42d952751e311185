package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ProblemException;

class ContactDetailsTest {

    private static ContactDetails.Given given(String email) {
        return ContactDetails.given(Json.MAPPER.createObjectNode().put("email", email));
    }

    /**
     * Addresses a mail server refuses are refused at submission, naming the field: before, they were answered 202
     * and every message to them went dead at the e-mail channel on its first attempt.
     */
    @Test
    void anAddressAMailServerWouldRefuseIsA422() {
        for (String bad : new String[] {"taras@gmail..com", "a@b.c.", "a,b@c.d", "a;b@c.d", ".a@b.c", "a..b@x.ua",
                "a.@x.ua", "a@x_y.ua", "a@-x.ua", "a@x-.ua", "a@localhost", "\"a b\"@x.ua", "a@[1.2.3.4]", "a b@x.ua",
                "a@b@x.ua", "taras@ukr.net\r\nBcc: x@y.ua"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> given(bad), bad);
            assertEquals(422, e.status(), bad);
            assertEquals("/contact/email", e.fieldProblems().get(0).field(), bad);
        }
    }

    @Test
    void addressesPeopleHaveAreTaken() {
        for (String good : new String[] {"taras.shevchenko+igov@ukr.net", "o'brien@x.ie", "a@b.co",
                "ivan_p-89@mail.gov.ua", "x@xn--80a1acny.xn--j1amh"}) {
            assertEquals(good, given(good).email(), good);
        }
    }

    /**
     * A domain in Cyrillic is taken in the ASCII form mail servers route by; a local part in Cyrillic is refused,
     * saying why: the e-mail channel sent each of its letters cut to a byte, to nobody or to someone else.
     */
    @Test
    void aCyrillicDomainIsTakenInItsAsciiFormACyrillicNameIsRefused() {
        assertEquals("taras@xn--80a1acn3a.xn--j1amh", given("taras@пошта.укр").email());
        ProblemException e = assertThrows(ProblemException.class, () -> given("тарас@пошта.укр"));
        assertEquals(422, e.status());
        assertEquals("the part before @ must be in Latin letters, digits and . _ + - (mail servers take no other)",
                e.fieldProblems().get(0).message());
        assertEquals(null, ContactDetails.mailable("тарас@ukr.net"));
        assertEquals(null, ContactDetails.mailable("hans@straße.de"), "not mailed to strasse.de, another domain");
    }
}
