package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.core.Problems;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.store.CitizenContact;

/**
 * How the citizen asks to be told about their application: the optional {@code contact} of a submission,
 * {@code {"email": ..., "phone": "+380...", "language": "uk"|"en"}}, checked field by field; what it leaves out comes
 * from the form's own contact fields, if its service type names them, and then from what the identity provider
 * knows of the citizen.
 */
final class ContactDetails {

    private static final Set<String> FIELDS = Set.of("email", "phone", "language");

    private ContactDetails() {
    }

    /**
     * @param request what the submission's {@code contact} said ({@link #given})
     * @param form    what the form's own contact fields say ({@link #onTheForm})
     * @return the contact, or {@code null} when none of them, nor the identity provider, gave an address
     */
    static CitizenContact of(Given request, Given form, Citizen citizen) {
        String email = request.email() != null ? request.email() : form.email() != null ? form.email()
                : mailable(citizen.email());
        String phone = request.phone() != null ? request.phone() : form.phone() != null ? form.phone()
                : valid(citizen.phone() == null ? null : normalised(citizen.phone()), ContactDetails::phoneProblem);
        String language = request.language() != null ? request.language()
                : citizen.language() != null && CitizenNotifications.LANGUAGES.contains(citizen.language()) ? citizen.language()
                : "uk";
        return email == null && phone == null ? null : new CitizenContact(email, phone, language);
    }

    /** A provider's (or form's) value that does not check out is left out, not held against the citizen's request. */
    private static String valid(String value, java.util.function.Function<String, String> problem) {
        return value == null || problem.apply(value) != null ? null : value;
    }

    /**
     * An address a mail server takes: a local part of Latin letters, digits and the few signs RFC 5322 allows, in
     * parts joined by single dots, and a domain of two or more labels of letters, digits and inner hyphens
     * ("taras@gmail..com", ".a@b.c", "a,b@c.d" passed an easier check, were answered 202 and went dead at the e-mail
     * channel). A domain in another script (пошта.укр) is taken in its ASCII form (xn--…), which is what mail servers
     * route by; a local part in another script is refused, since the platform's mail does not carry one (each
     * letter arrived cut to a byte). No spaces, control or formatting characters: an address is shown to operators
     * ({@code platform:outbox}) and handed to a mail server, where an escape sequence or a line break would act.
     * Quoted local parts and IP literals, which nobody gives a public service, are refused.
     */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final java.util.regex.Pattern ASCII = java.util.regex.Pattern.compile("\\p{ASCII}*");

    /** The address as mail servers take it (its domain in ASCII), or {@code null} if it is not one. */
    static String mailable(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at <= 0 || email.length() > 254) {
            return null;
        }
        String domain = email.substring(at + 1);
        if (domain.chars().anyMatch(ch -> "ßς\u200C\u200D".indexOf(ch) >= 0)) {
            return null; // java.net.IDN (IDNA 2003) maps these to other letters: straße.de would be mailed to strasse.de
        }
        try {
            domain = java.net.IDN.toASCII(domain, java.net.IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
        String address = email.substring(0, at) + "@" + domain;
        return address.length() <= 254 && EMAIL.matcher(address).matches() ? address : null;
    }

    private static String emailProblem(String email) {
        if (mailable(email) != null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && !ASCII.matcher(email.substring(0, at)).matches()
                ? "the part before @ must be in Latin letters, digits and . _ + - (mail servers take no other)"
                : "not an e-mail address";
    }

    private static String phoneProblem(String phone) {
        return phone.matches("\\+380\\d{9}") ? null : "a Ukrainian mobile number, +380 and 9 digits";
    }

    private static String normalised(String phone) {
        return phone.replaceAll("[\\s()-]", "");
    }

    /** What the submission itself says; each part {@code null} when not given. */
    record Given(String email, String phone, String language) {
        static final Given NONE = new Given(null, null, null);
    }

    /**
     * The addresses the citizen wrote in the form's fields its service type names (JSON Pointers); one the platform
     * could not send to, or a pointer that is not one, is left out: the form passed its own schema, which is the
     * plugin's word on what it takes.
     */
    static Given onTheForm(JsonNode form, Optional<String> emailField, Optional<String> phoneField) {
        String email = mailable(textAt(form, emailField));
        String phone = textAt(form, phoneField);
        return new Given(email, valid(phone == null ? null : normalised(phone), ContactDetails::phoneProblem), null);
    }

    private static String textAt(JsonNode form, Optional<String> pointer) {
        if (pointer.isEmpty() || !pointer.get().startsWith("/")) {
            return null;
        }
        JsonNode value = form.at(pointer.get());
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    /** The submission's {@code contact}, checked field by field: a problem is a 422 naming the field. */
    static Given given(JsonNode contact) {
        if (contact == null || contact.isNull()) {
            return Given.NONE;
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!contact.isObject()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/contact",
                    "must be an object {\"email\": ..., \"phone\": \"+380...\", \"language\": \"uk\" or \"en\"}")));
        }
        contact.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem("/contact/" + (name.length() > 64 ? name.substring(0, 64) : name),
                        "unknown field; contact has only email, phone and language"));
            }
        });
        String email = text(contact, "email", problems);
        if (email != null && emailProblem(email) != null) {
            problems.add(new FieldProblem("/contact/email", emailProblem(email)));
        }
        email = email == null ? null : mailable(email);
        String phone = text(contact, "phone", problems);
        if (phone != null) {
            phone = normalised(phone);
            if (phoneProblem(phone) != null) {
                problems.add(new FieldProblem("/contact/phone", phoneProblem(phone)));
            }
        }
        String language = text(contact, "language", problems);
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
        if (language != null && !CitizenNotifications.LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("/contact/language", "\"uk\" or \"en\""));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return new Given(email, phone, language);
    }

    private static String text(JsonNode contact, String field, List<FieldProblem> problems) {
        JsonNode value = contact.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new FieldProblem("/contact/" + field, "must be text"));
            return null;
        }
        return value.asText().strip();
    }

    /** What an official said with a step, for the citizen's message: the reason, then any questions one a line. */
    static String note(String reason, String questionsJson) {
        StringBuilder note = new StringBuilder(reason == null ? "" : reason);
        if (questionsJson != null) {
            try {
                for (ApplicationView.Question q : Json.MAPPER.readValue(questionsJson,
                        new TypeReference<List<ApplicationView.Question>>() { })) {
                    note.append(note.length() == 0 ? "" : "\n").append("- ").append(q.question());
                }
            } catch (java.io.IOException e) {
                // details of another kind than questions: the reason alone says enough
            }
        }
        return note.length() == 0 ? null : note.toString();
    }
}
