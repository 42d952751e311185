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
     * per message; after a crash the same message (the same {@link OutgoingMessage#key()}) comes again unless
     * {@link #check} says it was delivered.
     *
     * @throws DeliveryException if it was not delivered; the platform retries later unless it is permanent
     */
    void send(OutgoingMessage message) throws DeliveryException;

    /**
     * Says whether a message was already accepted, before the platform sends it again. The platform asks only about a
     * message <em>in doubt</em>: a node took it for delivery and died (or lost its lease) before recording a result,
     * so it may have been handed over already. The platform then acts on the answer:
     * <ul>
     *   <li>{@link DeliveryCheck#DELIVERED}: records it as sent without sending it again;</li>
     *   <li>{@link DeliveryCheck#NOT_DELIVERED}: sends it;</li>
     *   <li>{@link DeliveryCheck#UNKNOWN} (the default, for channels that keep no record): sends it again with the
     *       same {@link OutgoingMessage#key()}, as before 1.2: at least once.</li>
     * </ul>
     * Answer {@code DELIVERED} only when the channel's own server holds the message under this key, and
     * {@code NOT_DELIVERED} only when it would hold it had it been accepted: a wrong {@code NOT_DELIVERED} sends it
     * twice, a wrong {@code DELIVERED} loses it. Return within seconds, as {@link #send} does.
     *
     * @throws DeliveryException if the channel can normally tell but cannot now (its server is unreachable): the
     *                           platform neither sends nor gives up, it asks again after the usual back-off (a
     *                           permanent failure makes the message a dead letter for an operator to look at)
     * @since 1.2
     */
    default DeliveryCheck check(OutgoingMessage message) throws DeliveryException {
        return DeliveryCheck.UNKNOWN;
    }
}
