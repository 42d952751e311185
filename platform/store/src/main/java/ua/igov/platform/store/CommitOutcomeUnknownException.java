package ua.igov.platform.store;

/**
 * The database did not confirm a commit (the connection broke while it was asked to commit): what was asked may have
 * been written or not. Unlike every other {@link StoreException}, writing it again may write it twice, so the caller
 * must be told to look before repeating.
 */
public class CommitOutcomeUnknownException extends StoreException {

    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
