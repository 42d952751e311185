package ua.igov.platform.core.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.Caller;
import ua.igov.platform.store.StaffDirectory;
import ua.igov.platform.store.StoreException;

/**
 * How the people behind a history, an assignment or an audit trail appear to one reader. A citizen never sees a
 * login (with it, anyone could use up an official's password guesses and lock the account) nor another person's
 * citizen id: steps read {@code staff} or {@code citizen}, and staff are named by the display name an operator gave
 * their account, when it has one. Staff read logins and names.
 */
final class StaffShown {

    private static final Logger LOG = LoggerFactory.getLogger(StaffShown.class);
    private static final String STAFF = "staff:";
    private static final String CITIZEN = "citizen:";

    private final boolean toCitizen;
    private final Map<String, String> names;

    private StaffShown(boolean toCitizen, Map<String, String> names) {
        this.toCitizen = toCitizen;
        this.names = names;
    }

    /**
     * What {@code reader} is shown of the given actors ({@code staff:<login>}, …) and assigned logins: their display
     * names are read once, and only if there is a member of staff among them.
     */
    static StaffShown to(Caller reader, StaffDirectory directory, Collection<String> actors, Collection<String> logins) {
        Set<String> staff = actors.stream().map(StaffShown::login).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        logins.stream().filter(Objects::nonNull).forEach(staff::add);
        boolean toCitizen = reader instanceof Caller.CitizenCaller;
        if (staff.isEmpty()) {
            return new StaffShown(toCitizen, Map.of());
        }
        try {
            return new StaffShown(toCitizen, directory.displayNames(staff));
        } catch (StoreException e) {
            // names are a courtesy: without them the reader still gets the answer, and a citizen still no login
            LOG.warn("Display names of {} staff accounts not read, shown without them: {}", staff.size(), e.getMessage());
            return new StaffShown(toCitizen, Map.of());
        }
    }

    /** The login in a {@code staff:<login>} actor, else {@code null}. */
    static String login(String actor) {
        return actor != null && actor.startsWith(STAFF) ? actor.substring(STAFF.length()) : null;
    }

    /** The actor as the reader may see it. */
    String actor(String actor) {
        if (toCitizen && actor != null) {
            if (actor.startsWith(STAFF)) {
                return "staff";
            }
            if (actor.startsWith(CITIZEN)) {
                return "citizen";
            }
        }
        return actor;
    }

    /** The display name of the member of staff behind {@code actor}, or {@code null}. */
    String actorName(String actor) {
        return nameOf(login(actor));
    }

    /** An assigned login as the reader may see it: citizens do not. */
    String assignedTo(String login) {
        return toCitizen ? null : login;
    }

    /** An assigned login as {@code reader} may see it, where the name is known already. */
    static String assignedTo(Caller reader, String login) {
        return reader instanceof Caller.CitizenCaller ? null : login;
    }

    /** The display name of a login, or {@code null}. */
    String nameOf(String login) {
        return login == null ? null : names.get(login);
    }
}
