package ua.igov.platform.spi;

/**
 * A message was not delivered. A temporary failure (server down, timeout) is retried with back-off; a permanent
 * one (an address that cannot exist) goes straight to the dead letters, where an operator sees it. A failure whose
 * outcome is unknown (the connection broke or timed out after the whole message was handed over: the server may have
 * taken it) is retried too, but the channel's {@code check} is asked first, as for a message in doubt, so a channel
 * that can tell sends it once.
 *
 * @since 1.1
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final boolean outcomeUnknown;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, false, cause);
    }

    private DeliveryException(String message, boolean permanent, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * The message may or may not have been taken (a timeout waiting for the server's last answer): retried after the
     * channel's {@code check} says it does not have it.
     *
     * @since 1.5
     */
    public static DeliveryException outcomeUnknown(String message, Throwable cause) {
        return new DeliveryException(message, false, true, cause);
    }

    /**
     * Whether the message may have been delivered all the same ({@link #outcomeUnknown}).
     *
     * @since 1.5
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    public static DeliveryException temporary(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, true, cause);
    }

    public boolean permanent() {
        return permanent;
    }
}
