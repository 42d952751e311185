package ua.igov.platform.core.internal;

import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;
import ua.igov.platform.spi.SmsGateway;

/**
 * The {@code sms} channel over an {@link SmsGateway} plugin: the delivery worker adds it while a gateway is installed,
 * so until then SMS wait in the outbox.
 */
final class SmsChannel implements NotificationChannel {

    static final String ID = "sms";

    private final SmsGateway gateway;

    SmsChannel(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        if (!message.recipient().matches("\\+\\d{10,15}")) {
            // the number itself stays out: this text goes to the log and to last_error (platform:outbox shows the row)
            throw DeliveryException.permanent("the recipient is not a phone number in international form", null);
        }
        gateway.send(message.recipient(), message.body(), message.key());
    }

    @Override
    public DeliveryCheck check(OutgoingMessage message) throws DeliveryException {
        return gateway.check(message.key());
    }
}
