package ua.igov.platform.store;

/**
 * The database could not do what was asked; nothing was written, except when this is a
 * {@link CommitOutcomeUnknownException} (the connection broke as the database committed).
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
