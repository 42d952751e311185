package ua.igov.platform.cluster.channel.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;

/**
 * The cluster test's {@code email} channel, deployed into each node: it hands every message to the test's receiver
 * over HTTP, naming the message's key and the node that sends it, and counts as delivered only when the receiver
 * answered 200 (as an SMTP server's 250). It can tell whether the receiver has a message in doubt: it asks
 * {@code delivered?key=...} next to the receiver's address. Configured by {@code etc/ua.igov.test.channel.cfg}
 * ({@code receiver}, {@code node}).
 */
@Component(service = NotificationChannel.class, configurationPid = "ua.igov.test.channel",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ReceiverChannel implements NotificationChannel {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String receiver;
    private final String node;

    @Activate
    public ReceiverChannel(Map<String, Object> config) {
        this.receiver = String.valueOf(config.get("receiver"));
        this.node = String.valueOf(config.get("node"));
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        URI uri = URI.create(receiver + "?key=" + encode(message.key()) + "&node=" + encode(node));
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(message.recipient())).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw DeliveryException.temporary("the receiver answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw DeliveryException.temporary("the receiver is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.temporary("interrupted", e);
        }
    }

    @Override
    public DeliveryCheck check(OutgoingMessage message) throws DeliveryException {
        URI uri = URI.create(receiver).resolve("delivered?key=" + encode(message.key()));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw DeliveryException.temporary("the receiver answered " + response.statusCode(), null);
            }
            return switch (response.body().trim()) {
                case "yes" -> DeliveryCheck.DELIVERED;
                case "no" -> DeliveryCheck.NOT_DELIVERED;
                default -> throw DeliveryException.temporary("the receiver answered " + response.body(), null);
            };
        } catch (IOException e) {
            throw DeliveryException.temporary("the receiver is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.temporary("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
