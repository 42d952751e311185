package ua.igov.platform.spi;

/**
 * Sends SMS through an operator's gateway (or, in development, writes them to a file). A plugin registers one as an
 * OSGi service; the platform's {@code sms} channel sends through it, so gateway plugins deal only with texts and
 * numbers.
 *
 * @since 1.1
 */
public interface SmsGateway {

    /**
     * Sends one text.
     *
     * @param phoneNumber the number in international form, {@code +380...}
     * @param key         stable for this message across retries (see {@link OutgoingMessage#key()}); pass it to a
     *                    gateway that de-duplicates
     * @throws DeliveryException if the gateway did not accept it
     */
    void send(String phoneNumber, String text, String key) throws DeliveryException;

    /**
     * Whether the gateway already accepted the SMS with this key: what the {@code sms} channel answers to
     * {@link NotificationChannel#check}, with the same promises. The default, {@link DeliveryCheck#UNKNOWN}, suits a
     * gateway that keeps no record; the SMS is then sent again after a node died while sending it.
     *
     * @throws DeliveryException if the gateway can normally tell but cannot now; the platform asks again later
     * @since 1.2
     */
    default DeliveryCheck check(String key) throws DeliveryException {
        return DeliveryCheck.UNKNOWN;
    }
}
