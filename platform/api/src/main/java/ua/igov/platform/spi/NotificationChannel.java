package ua.igov.platform.spi;

/**
 * A way of delivering messages to people (e-mail, SMS): a plugin registers one as an OSGi service. The platform's
 * delivery worker hands it the messages addressed to its {@link #id()}; messages for a channel that is not installed
 * wait in the outbox until it is.
 *
 * @since 1.1
 */
public interface NotificationChannel {

    /** The channel's id as messages name it, e.g. {@code email} or {@code sms}; one installed channel per id. */
    String id();

    /**
     * Delivers one message, returning only once the channel's server accepted it. Called by one thread at a time
     * per message; the same message may come again after a crash (with the same {@link OutgoingMessage#key()}).
     *
     * @throws DeliveryException if it was not delivered; the platform retries later unless it is permanent
     */
    void send(OutgoingMessage message) throws DeliveryException;
}
