package ua.igov.platform.core;

import java.util.Optional;

/** Turns credentials into a {@link Caller}: bearer tokens through identity-provider plugins, staff through JAAS. */
public interface IdentityService {

    /**
     * @return the citizen, or empty if no installed provider vouches for the token
     * @throws ProblemException 503 if no provider vouched for it and one could not be asked (it has too many tokens
     *                          under way, stuck in it)
     */
    Optional<Caller.CitizenCaller> citizen(String bearerToken);

    /**
     * @return the member of staff, or empty if the realm refuses the user name and password
     * @throws ProblemException 429 {@code too-many-login-attempts} while the account is locked after too many wrong
     *                          passwords (on every node alike), with when to try again; 503 if that cannot be checked
     */
    Optional<Caller.Staff> staff(String user, String password);

    /**
     * A development token from a provider that issues them.
     *
     * @throws ProblemException 404 if no installed provider issues tokens (production), 400 for a bad subject
     */
    String developmentToken(String subject, String displayName);
}
