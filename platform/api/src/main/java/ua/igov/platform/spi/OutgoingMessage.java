package ua.igov.platform.spi;

import java.util.Objects;

/**
 * One message to deliver through a {@link NotificationChannel}.
 *
 * @param key            stable for this message across retries, restarts and nodes (e.g. {@code outbox-42}): a channel
 *                       passes it on where its protocol lets the receiver recognise a repeat (an e-mail's Message-ID)
 * @param recipient      the address in the channel's terms (an e-mail address, a {@code +380...} phone number)
 * @param subject        a subject line, or {@code null}
 * @param body           the text
 * @param trackingNumber the application it is about, or {@code null}
 * @since 1.1
 */
public record OutgoingMessage(String key, String recipient, String subject, String body, String trackingNumber) {

    public OutgoingMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
    }
}
