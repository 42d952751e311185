package ua.igov.platform.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.NotificationTemplate;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.OutboxMessage;

/**
 * The messages a citizen gets after a workflow step: one per way they can be reached (e-mail, SMS), in their
 * language, from the service plugin's template for the step if it has one, else the platform's. Every message
 * carries the tracking number and the status link, whatever the template says.
 */
public final class CitizenNotifications {

    static final Set<String> LANGUAGES = Set.of("uk", "en");
    static final String EMAIL = "email";
    static final String SMS = "sms";
    static final String REVIEW_REPLIED = "review-replied";
    static final String REVIEW_HIDDEN = "review-hidden";
    static final String REVIEW_SHOWN = "review-shown";
    static final String APPEAL_REJECTED = "review-appeal-rejected";
    static final Set<String> REVIEW_ACTIONS = Set.of(REVIEW_REPLIED, REVIEW_HIDDEN, REVIEW_SHOWN, APPEAL_REJECTED);
    /** The platform's text for a step that has none of its own (a plugin's own action). */
    private static final String ANY = "any";
    private static final Logger LOG = LoggerFactory.getLogger(CitizenNotifications.class);

    private final Map<String, Properties> defaults;
    private final String statusLinkPattern;
    /** Runs a plugin's template code with a time limit; null where no plugin's text is ever asked for (reviews). */
    private final PluginGuard guard;

    /** @param statusLinkPattern the public address of an application's status, with {@code {trackingNumber}} in it */
    public CitizenNotifications(String statusLinkPattern) {
        this(statusLinkPattern, null);
    }

    CitizenNotifications(String statusLinkPattern, PluginGuard guard) {
        if (!statusLinkPattern.contains("{trackingNumber}")) {
            throw new IllegalArgumentException("the status link must contain {trackingNumber}: " + statusLinkPattern);
        }
        this.statusLinkPattern = statusLinkPattern;
        this.guard = guard;
        this.defaults = Map.of("uk", load("uk"), "en", load("en"));
    }

    private static Properties load(String language) {
        String resource = "/ua/igov/platform/core/notifications/" + language + ".properties";
        try (InputStream in = CitizenNotifications.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the platform's notification texts " + resource + " cannot be read", e);
        }
    }

    String statusLinkPattern() {
        return statusLinkPattern;
    }

    String statusLink(String trackingNumber) {
        return statusLinkPattern.replace("{trackingNumber}", trackingNumber);
    }

    /**
     * @param type    the installed service type, or {@code null} when its plugin has gone (then the platform's texts)
     * @param service the service's name in the citizen's language
     * @param note    the official's reason or questions, or {@code null}
     */
    public List<OutboxMessage> about(String action, Status to, String trackingNumber, CitizenContact contact,
                                     InstalledServiceType type, String service, String note) {
        return aboutLater(action, to, contact, type, service, note).apply(trackingNumber);
    }

    /**
     * As {@link #about}, for an application whose tracking number is not known yet: the text is chosen now (the
     * plugin asked now), and only filled in with the number later, inside the transaction that draws it.
     */
    java.util.function.Function<String, List<OutboxMessage>> aboutLater(String action, Status to, CitizenContact contact,
                                                                       InstalledServiceType type, String service, String note) {
        if (contact == null || !contact.reachable()) {
            return trackingNumber -> List.of();
        }
        String language = languageOf(contact);
        NotificationTemplate template = template(type, action, to, language);
        String status = defaults.get(language).getProperty("status." + to.wireName(), to.wireName());
        return trackingNumber -> compose(template, trackingNumber, contact, service, status, note);
    }

    /**
     * The messages a citizen gets about their review of an application: the authority replied, an operator hid the
     * comment, showed it again or decided an appeal. Always the platform's texts: these are not workflow steps, so no
     * plugin has a say in them.
     *
     * @param action one of {@link #REVIEW_ACTIONS}
     * @param note   the reply, or the operator's reason
     */
    public List<OutboxMessage> aboutReview(String action, String trackingNumber, CitizenContact contact, String service,
                                           String note) {
        if (!REVIEW_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("no platform text for a review's " + action);
        }
        if (contact == null || !contact.reachable()) {
            return List.of();
        }
        Properties texts = defaults.get(languageOf(contact));
        return compose(new NotificationTemplate(texts.getProperty(action + ".subject"), texts.getProperty(action + ".body"),
                texts.getProperty(action + ".sms")), trackingNumber, contact, service, "", note);
    }

    private static String languageOf(CitizenContact contact) {
        return LANGUAGES.contains(contact.language()) ? contact.language() : "uk";
    }

    private List<OutboxMessage> compose(NotificationTemplate template, String trackingNumber, CitizenContact contact,
                                        String service, String status, String note) {
        Map<String, String> values = Map.of("trackingNumber", trackingNumber, "statusLink", statusLink(trackingNumber),
                "service", service, "status", status, "note", note == null ? "" : note);
        List<OutboxMessage> messages = new ArrayList<>();
        if (contact.email() != null) {
            String subject = fill(template.subject(), values);
            if (!subject.contains(trackingNumber) || subject.length() > SUBJECT_LIMIT) {
                // cut here, keeping the number: the store's limit on a subject would cut the number the docs promise
                String words = subject.length() > SUBJECT_BEFORE_NUMBER ? cut(subject, SUBJECT_BEFORE_NUMBER) + "…" : subject;
                subject = words.contains(trackingNumber) ? words : words + " (" + trackingNumber + ")";
            }
            messages.add(new OutboxMessage(EMAIL, contact.email(), subject,
                    withReference(fill(template.body(), values), values, "\n\n"), trackingNumber));
        }
        if (contact.phone() != null) {
            messages.add(new OutboxMessage(SMS, contact.phone(), null,
                    withReference(fill(template.sms(), values), values, " "), trackingNumber));
        }
        return messages;
    }

    private NotificationTemplate template(InstalledServiceType installed, String action, Status to, String language) {
        if (installed != null) {
            ServiceType type = installed.type();
            try {
                java.util.concurrent.Callable<Optional<NotificationTemplate>> own = () -> type
                        .notificationTemplate(action, language).or(() -> type.notificationTemplate(to.wireName(), language));
                // a share of its own: a text that hangs must not use up the share the service's submissions need;
                // the service code's share counts it too, so one service never holds more than its code may
                String code = installed.code();
                Optional<NotificationTemplate> template = guard == null ? own.call()
                        : guard.callUncheckedInPart(code, code + " (notification texts)", type,
                        "give its notification text", own);
                if (template.isPresent()) {
                    return completed(template.get(), platforms(action, language));
                }
            } catch (ua.igov.platform.core.ProblemException e) {
                // the guard logged it (a failure, or no answer in time): the platform's text goes instead
            } catch (Exception | LinkageError | StackOverflowError e) {
                // A plugin's broken template must not cost the citizen the message: the platform's text goes instead.
                LOG.warn("Service '{}' failed to give its notification text for '{}': {}", installed.code(), action, e.toString());
            }
        }
        return platforms(action, language);
    }

    private NotificationTemplate platforms(String action, String language) {
        Properties texts = defaults.get(language);
        String key = texts.containsKey(action + ".body") ? action : ANY;
        return new NotificationTemplate(texts.getProperty(key + ".subject"), texts.getProperty(key + ".body"),
                texts.getProperty(key + ".sms"));
    }

    /**
     * A plugin's text with the parts it left blank taken from the platform's: a template with a subject alone sent an
     * SMS of the tracking number and the link, and no words.
     */
    private static NotificationTemplate completed(NotificationTemplate own, NotificationTemplate platforms) {
        return new NotificationTemplate(Texts.blank(own.subject()) ? platforms.subject() : own.subject(),
                Texts.blank(own.body()) ? platforms.body() : own.body(), Texts.blank(own.sms()) ? platforms.sms() : own.sms());
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\w+)\\}");

    /**
     * The template's placeholders replaced in one pass, so that braces in what is put in (an official's reason, a
     * citizen's answer: "{statusLink}") stay as written. Replaced one placeholder after another, in the order of a
     * map that changes with every start, such text was expanded on some nodes and not on others.
     */
    static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), m.group()))).strip();
    }

    /** Room for the subject's own words when the tracking number must be added after them. */
    private static final int SUBJECT_BEFORE_NUMBER = 400;
    /** The longest subject the outbox keeps whole. */
    private static final int SUBJECT_LIMIT = 500;

    /** The first {@code length} characters, one fewer rather than half of a letter made of two (an emoji). */
    private static String cut(String text, int length) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }

    /** The tracking number and the status link are in every message, even if a plugin's template left them out. */
    private static String withReference(String text, Map<String, String> values, String separator) {
        String trackingNumber = values.get("trackingNumber");
        String link = values.get("statusLink");
        StringBuilder out = new StringBuilder(text);
        if (!text.contains(trackingNumber)) {
            out.append(separator).append(trackingNumber);
        }
        if (!text.contains(link)) {
            out.append(separator).append(link);
        }
        return out.toString();
    }
}
