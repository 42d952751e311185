package ua.igov.plugins.identity.dev.internal;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.IdentityProvider;

/**
 * The development identity provider {@value #ID}: it issues a signed token (HS256 JWT, valid 8 hours) for any person
 * anyone names, and recognises the tokens it issued. For development and tests only — never install it in production.
 *
 * <p>The secret is {@code .secret} in configuration {@value #PID} ({@code etc/ua.igov.identity.dev.cfg}), at least 32
 * characters and the same on every node. Without it a random secret is made at start: tokens then die with the
 * process and one node does not accept another's.
 */
@Component(service = IdentityProvider.class, configurationPid = DevIdentityProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DevIdentityProvider.Config.class)
public class DevIdentityProvider implements IdentityProvider {

    static final String ID = "dev";
    static final String PID = "ua.igov.identity.dev";
    static final int MIN_SECRET_LENGTH = 32;

    /* The JDK's platform logger: in Karaf it reaches the Karaf log through java.util.logging, and keeps this bundle SPI-only. */
    private static final System.Logger LOG = System.getLogger(DevIdentityProvider.class.getName());

    @ObjectClassDefinition(name = "iGov development identity provider",
            description = "Issues and verifies development tokens (HS256). Never install in production.")
    public @interface Config {
        @AttributeDefinition(name = "Secret", type = AttributeType.PASSWORD, required = false,
                description = "The HMAC-SHA256 key, at least 32 characters, the same on every node. "
                        + "When absent a random key is made at start, and tokens do not survive a restart.")
        // The leading underscore makes the property ".secret": private to the component, never a service property.
        String _secret() default "";
    }

    private final DevTokens tokens;
    private final AcceptedTokens accepted;

    @Activate
    public DevIdentityProvider(Config config) {
        this(config, Clock.systemUTC());
    }

    DevIdentityProvider(Config config, Clock clock) {
        this.tokens = new DevTokens(secret(config._secret()), clock);
        this.accepted = new AcceptedTokens(tokens, clock);
        LOG.log(Level.WARNING, "Identity provider '" + ID + "' is active: anyone can get a token for any person. "
                + "It is for development and tests; never install it in production.");
    }

    private static byte[] secret(String configured) {
        if (configured == null || configured.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            LOG.log(Level.WARNING, "No '.secret' configured for " + PID + ": a random one was made. Development tokens "
                    + "will not survive a restart and will differ between nodes; set .secret (at least "
                    + MIN_SECRET_LENGTH + " characters) in etc/" + PID + ".cfg to keep them.");
            return random;
        }
        if (configured.length() < MIN_SECRET_LENGTH || configured.isBlank()) {
            // Refuse to start rather than sign with a guessable key; the message names the setting, never its value.
            throw new IllegalArgumentException("the '.secret' of " + PID + " must be at least " + MIN_SECRET_LENGTH
                    + " characters, not blank; it has " + configured.length());
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Never throws: a token this provider did not issue, or that is no longer valid, is simply not recognised. */
    @Override
    public Optional<Citizen> verify(String bearerToken) {
        try {
            DevTokens.Claims claims = accepted.read(bearerToken);
            return Optional.of(new Citizen(claims.subject(), claims.displayName(), ID));
        } catch (DevTokens.Rejected e) {
            LOG.log(Level.DEBUG, () -> "Token not recognised: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @throws IllegalArgumentException if the subject is not 1 to 64 characters of {@code [A-Za-z0-9._-]} or the
     *                                  display name is over 100 characters or holds unpaired surrogates
     */
    @Override
    public Optional<String> issueForDevelopment(String subject, String displayName) {
        return Optional.of(tokens.issue(subject, displayName));
    }
}
