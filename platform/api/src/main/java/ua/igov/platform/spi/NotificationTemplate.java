package ua.igov.platform.spi;

import java.util.Objects;

/**
 * The text of a notification to the citizen, in one language. Placeholders in braces are filled in by the platform:
 * {@code {trackingNumber}}, {@code {statusLink}}, {@code {service}}, {@code {status}}, {@code {note}} (the official's
 * reason or questions, empty when none). Whatever the template says, the platform makes sure the tracking number and
 * the status link are in the message. A part left blank (nothing a reader could see) is the platform's text for
 * that step, since 1.4 (before, a message of no words went out).
 *
 * @param subject the e-mail subject
 * @param body    the e-mail text
 * @param sms     the SMS text: short, one line
 * @since 1.1
 */
public record NotificationTemplate(String subject, String body, String sms) {

    public NotificationTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sms, "sms");
    }
}
