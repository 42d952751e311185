package ua.igov.platform.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;
import ua.igov.platform.spi.SmsGateway;

/**
 * The {@code sms} channel: present only while an {@link SmsGateway} plugin is installed (until then SMS wait in the
 * outbox), and sending through the gateway of the highest service ranking.
 */
@Component(service = NotificationChannel.class)
public class SmsChannel implements NotificationChannel {

    static final String ID = "sms";

    private final SmsGateway gateway;

    @Activate
    public SmsChannel(@Reference(policyOption = ReferencePolicyOption.GREEDY) SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        if (!message.recipient().matches("\\+\\d{10,15}")) {
            throw DeliveryException.permanent("not a phone number in international form: " + message.recipient(), null);
        }
        gateway.send(message.recipient(), message.body(), message.key());
    }
}
