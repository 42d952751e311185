package ua.igov.platform.spi;

import java.util.Optional;

/**
 * Signs citizens in. A plugin registers one per way of signing in (a development provider, OIDC, BankID); the
 * platform asks each in turn whether it vouches for a bearer token.
 */
public interface IdentityProvider {

    /** A short id, e.g. {@code dev}; part of every owner key it produces. */
    String id();

    /**
     * @return the citizen the token belongs to, or empty if this provider does not recognise it (wrong issuer,
     *         bad signature, expired)
     */
    Optional<Citizen> verify(String bearerToken);

    /**
     * For development and tests only: a token for the given person. Production providers return empty; the
     * platform's token endpoint answers 404 unless some provider issues tokens.
     */
    default Optional<String> issueForDevelopment(String subject, String displayName) {
        return Optional.empty();
    }
}
