package ua.igov.platform.store;

/** The application changed since it was read (another official, another node); nothing was written. */
public class ConcurrentChangeException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String trackingNumber) {
        super("application " + trackingNumber + " was changed by someone else meanwhile", null);
    }
}
