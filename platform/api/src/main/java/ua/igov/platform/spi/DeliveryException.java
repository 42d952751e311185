package ua.igov.platform.spi;

/**
 * A message was not delivered. A temporary failure (server down, timeout) is retried with back-off; a permanent
 * one (an address that cannot exist) goes straight to the dead letters, where an operator sees it.
 *
 * @since 1.1
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
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
