package ua.igov.platform.store;

/** Something that may happen only once already happened (an application rated twice, a second reply). */
public class AlreadyDoneException extends StoreException {

    private static final long serialVersionUID = 1L;

    public AlreadyDoneException(String message) {
        super(message, null);
    }
}
