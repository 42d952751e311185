package ua.igov.plugins.identity.dev.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this node has already verified, until they expire: a citizen's every request carries the same token, and
 * checking its signature and parsing its claims each time was the largest share of a status read's CPU.
 *
 * <p>Only what the secret already vouched for is kept, and each entry dies with its token's own {@code exp}, so a
 * cached answer is never one {@link DevTokens#read} would not give. The cache is bounded (emptied when full) and
 * local to the node; another node simply verifies the token itself.
 */
final class AcceptedTokens {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, DevTokens.Claims> accepted = new ConcurrentHashMap<>();
    private final DevTokens tokens;
    private final Clock clock;

    AcceptedTokens(DevTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @throws DevTokens.Rejected as {@link DevTokens#read} does */
    DevTokens.Claims read(String token) throws DevTokens.Rejected {
        if (token == null) {
            return tokens.read(null); // refused with the reader's own reason
        }
        DevTokens.Claims known = accepted.get(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known;
        }
        if (known != null) {
            accepted.remove(token);
        }
        DevTokens.Claims claims = tokens.read(token);
        if (accepted.size() >= MAX_ENTRIES) {
            accepted.clear();
        }
        accepted.put(token, claims);
        return claims;
    }

    int size() {
        return accepted.size();
    }
}
