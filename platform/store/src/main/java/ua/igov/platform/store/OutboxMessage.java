package ua.igov.platform.store;

import java.util.Objects;

/**
 * A message to deliver later through a channel: what any part of the platform (a workflow step, a reminder) puts
 * into the outbox.
 *
 * @param channel        the channel's id, e.g. {@code email} or {@code sms}; a channel not installed now makes the
 *                       message wait until it is
 * @param recipient      the address in the channel's terms: an e-mail address, a phone number in +380... form
 * @param subject        a subject line, or {@code null} where the channel has none
 * @param body           the text
 * @param trackingNumber the application the message is about, or {@code null}
 */
public record OutboxMessage(String channel, String recipient, String subject, String body, String trackingNumber) {

    public OutboxMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
        if (channel.isBlank() || channel.length() > 32) {
            throw new IllegalArgumentException("a channel id is 1 to 32 characters");
        }
        if (recipient.isBlank() || recipient.length() > 320) {
            throw new IllegalArgumentException("a recipient is 1 to 320 characters");
        }
        if (subject != null && subject.length() > 500) {
            subject = subject.substring(0, 499) + "…";
        }
    }
}
