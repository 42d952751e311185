package ua.igov.platform.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.IdentityService;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.IdentityProvider;
import ua.igov.platform.spi.Role;
import ua.igov.platform.store.LoginFailures;
import ua.igov.platform.store.StaffLoginStore;
import ua.igov.platform.store.StoreException;

/**
 * Citizens through the identity-provider plugins installed now; staff through Karaf's JAAS realm {@code karaf},
 * where a user's roles say what they are ({@code official}, {@code supervisor}, {@code operator}) and which
 * authorities they work for ({@code authority-36}). A successful staff login is remembered for a minute, keyed by a
 * digest of the credentials, so every request does not re-read the realm; wrong passwords are counted per account
 * in the database, and too many lock the account on every node for a while.
 */
@Component(service = IdentityService.class, configurationPid = "ua.igov.platform.identity",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentityManager.Config.class)
public class IdentityManager implements IdentityService {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityManager.class);
    static final String REALM = "karaf";
    static final Duration REMEMBER_STAFF = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 10_000;
    /**
     * Requests inside one provider's {@code verify} at once. It runs on the request's own thread (every citizen's
     * request needs it, and a hand-over to another thread would cost more than checking a token does), so a provider
     * that hangs (fetching its keys without a timeout, say) would hold every Jetty thread, and the whole API, staff and
     * catalogue included, would stop answering. With this limit it holds at most this many; citizens signed in
     * through it get 503 meanwhile, and everything else is served.
     */
    static final int MAX_VERIFYING_PER_PROVIDER = 64;

    @ObjectClassDefinition(name = "iGov staff sign-in",
            description = "How many wrong passwords lock a staff account over the API, and for how long")
    public @interface Config {
        @AttributeDefinition(description = "Wrong passwords within the lock time that lock the account")
        int maxFailedLogins() default 10;

        @AttributeDefinition(description = "Minutes the account stays locked; failures older than this are forgotten")
        int lockMinutes() default 15;

        @AttributeDefinition(description = "The staff realm takes logins in any case (LDAP, Active Directory): Olena "
                + "and OLENA are one account, counted and known as olena")
        boolean loginsIgnoreCase() default false;
    }

    /** Checks a user name and password; the role names of the account when they are right. */
    @FunctionalInterface
    interface PasswordCheck {
        Optional<Set<String>> roles(String user, String password);
    }

    /** How many wrong passwords, within what time, lock an account for how long. */
    record Throttle(int maxFailures, Duration lock) {
        Throttle {
            if (maxFailures < 1 || lock.isNegative() || lock.isZero()) {
                throw new IllegalArgumentException("maxFailedLogins and lockMinutes must be at least 1");
            }
        }
    }

    private record Remembered(Caller.Staff staff, Instant until) {
    }

    private final java.util.List<Known> providers = new CopyOnWriteArrayList<>();
    /** Providers being asked for their id; one that leaves meanwhile is taken out here and never used. */
    private final Set<IdentityProvider> arriving = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /**
     * Tokens inside each provider's {@code verify}, counted by the provider's id: a provider registered again while
     * its old registration still hangs shares the old one's count, and a count is forgotten when it reaches zero.
     */
    private final CallShares verifying = new CallShares();

    /** A provider with the id it gave when it arrived (asked once: it is plugin code). */
    private record Known(IdentityProvider provider, String id) {
    }
    /** A provider failing on every token would otherwise log a line per request. */
    private final LogThrottle logThrottle = new LogThrottle(Duration.ofMinutes(1));
    private final Map<String, Remembered> staffLogins = new ConcurrentHashMap<>();
    private final StaffLoginStore logins;
    private final PasswordCheck passwords;
    private final Clock clock;
    private volatile Throttle throttle;
    private volatile boolean loginsIgnoreCase;

    @Activate
    public IdentityManager(@Reference StaffLoginStore logins, Config config) {
        this(logins, IdentityManager::jaasLogin, Clock.systemUTC(), throttle(config), config.loginsIgnoreCase());
    }

    IdentityManager(StaffLoginStore logins, PasswordCheck passwords, Clock clock, Throttle throttle) {
        this(logins, passwords, clock, throttle, false);
    }

    IdentityManager(StaffLoginStore logins, PasswordCheck passwords, Clock clock, Throttle throttle,
                    boolean loginsIgnoreCase) {
        this.logins = logins;
        this.passwords = passwords;
        this.clock = clock;
        this.throttle = throttle;
        this.loginsIgnoreCase = loginsIgnoreCase;
    }

    /** A changed limit applies to the next wrong password; nothing restarts. */
    @Modified
    void modified(Config config) {
        throttle = throttle(config);
        loginsIgnoreCase = config.loginsIgnoreCase();
        staffLogins.clear(); // remembered under the names as they were taken before
    }

    private static Throttle throttle(Config config) {
        return new Throttle(config.maxFailedLogins(), Duration.ofMinutes(config.lockMinutes()));
    }

    /** A provider's id: it starts every owner key it makes, so it may not hold the ':' that ends it. */
    static final java.util.regex.Pattern PROVIDER_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    /**
     * A provider arrived. Its id is asked for once, with a time limit (a provider hanging here would hold up the thread
     * that installed it). One whose id cannot be an owner key's first part is not used. A second provider with the
     * id of one in use waits, and is used when the first leaves: two providers vouching under one id would make two
     * people one owner.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(IdentityProvider provider) {
        synchronized (arriving) {
            arriving.add(provider);
        }
        String id = providerId(provider);
        boolean valid = id != null && PROVIDER_ID.matcher(id).matches();
        Known known = new Known(provider, id);
        synchronized (arriving) {
            if (!arriving.remove(provider)) {
                return; // it left while it was asked
            }
            if (valid) {
                providers.add(known);
            }
        }
        if (!valid) {
            LOG.error("Identity provider {} not used: its id '{}' is not 1 to 32 of a-z 0-9 . _ - (starting with a "
                    + "letter or digit)", provider.getClass().getName(), id);
        } else if (inUse().contains(known)) {
            LOG.info("Identity provider '{}' installed", id);
        } else {
            LOG.warn("Identity provider '{}' ({}) waits: another provider with that id is in use, and this one is used "
                    + "when it leaves", id, provider.getClass().getName());
        }
    }

    void removeProvider(IdentityProvider provider) {
        Optional<Known> gone;
        synchronized (arriving) {
            arriving.remove(provider);
            gone = providers.stream().filter(known -> known.provider() == provider).findFirst();
            gone.ifPresent(providers::remove);
        }
        gone.ifPresent(known -> LOG.info("Identity provider '{}' uninstalled", known.id()));
    }

    /**
     * The first provider of each id to arrive: the ones tokens are checked by, in the order of their ids. Not in the
     * order they arrived, which differs between nodes: a token two providers vouch for would then be one citizen on
     * one node and another on the next, and their applications would come and go with the load balancer.
     */
    private List<Known> inUse() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        return providers.stream().filter(known -> ids.add(known.id()))
                .sorted(java.util.Comparator.comparing(Known::id)).toList();
    }

    @Override
    public Optional<Caller.CitizenCaller> citizen(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 8192) {
            return Optional.empty();
        }
        boolean unchecked = false;
        for (Known known : inUse()) {
            if (!verifying.enter(known.id(), null, MAX_VERIFYING_PER_PROVIDER)) {
                unchecked = true;
                logThrottled(known.id(), "busy", "has " + MAX_VERIFYING_PER_PROVIDER + " tokens under way or stuck; "
                        + "its tokens are answered 503 until they return");
                continue;
            }
            try {
                Optional<Citizen> citizen = known.provider().verify(bearerToken);
                if (citizen.isPresent() && !known.id().equals(citizen.get().provider())) {
                    // its person would be owned under another provider's name: someone else's applications
                    logThrottled(known.id(), "foreign", "vouched for a citizen of provider '"
                            + limit(citizen.get().provider()) + "'; not accepted (a citizen's provider must be the "
                            + "id of the provider that vouches)");
                } else if (citizen.isPresent()) {
                    return Optional.of(new Caller.CitizenCaller(citizen.get()));
                }
            } catch (RuntimeException | Error e) {
                if (e instanceof OutOfMemoryError) {
                    throw e; // the JVM's trouble, not the provider's
                }
                // a bug, or classes gone from under it: the next provider may still know the token
                logThrottled(known.id(), "failed " + e.getClass().getName(), "failed on a token: " + e);
            } finally {
                verifying.leave(known.id(), null);
            }
        }
        if (unchecked) {
            throw Problems.unavailable("Your sign-in cannot be checked right now.");
        }
        return Optional.empty();
    }

    private void logThrottled(String id, String kind, String what) {
        long heldBack = logThrottle.admit(id + " " + kind);
        if (heldBack != LogThrottle.HOLD_BACK) {
            LOG.warn("Identity provider '{}' {}{}", id, what, LogThrottle.heldBackNote(heldBack));
        }
    }

    /** The provider's id, or null when it cannot give one in time. */
    private static String providerId(IdentityProvider provider) {
        try {
            return PluginArrival.ask("give its id", provider::id);
        } catch (RuntimeException | Error e) {
            LOG.error("Identity provider {} could not give its id: {}", provider.getClass().getName(), e.toString());
            return null;
        }
    }

    private static String limit(String text) {
        return text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /**
     * A right password is remembered for a minute (keyed by a digest of the credentials), so a member of staff's
     * every request does not go to the realm and the database. Every other attempt is counted in the database, where
     * every node sees it, before its password is checked, and taken back if the password was right:
     * {@code maxFailedLogins} wrong ones within {@code lockMinutes} lock the account for that long, on every node,
     * and while it is locked no password is checked, not even the right one. A right password does not wipe out the
     * wrong ones before it, so guessing alongside a working official gains nothing. A login other than a Latin letter
     * followed by up to 99 Latin letters, digits, dots, underscores or hyphens is refused unchecked and uncounted.
     */
    @Override
    public Optional<Caller.Staff> staff(String user, String password) {
        if (user == null || password == null || user.isBlank() || user.length() > 100 || password.length() > 200
                || user.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no such account can exist (and a NUL would make PostgreSQL fail the count)
        }
        if (!StaffNameManager.LOGIN.matcher(user).matches()) {
            // Not a login the platform knows staff by, so not checked and not counted: a directory that tidies names
            // ("olena ", full-width "ｏlena") would take it as olena, and each spelling would get its own allowance of
            // guesses and be another member of staff than her, for assignments and the audit trail.
            return Optional.empty();
        }
        // A realm that takes any case makes OLENA the account olena: one allowance of wrong passwords, one member of
        // staff for assignments and the audit trail, whatever case it was typed in.
        String login = loginsIgnoreCase ? user.toLowerCase(java.util.Locale.ROOT) : user; // ASCII: as long as typed
        String key = digest(login + '\u0000' + password);
        Instant now = clock.instant();
        Remembered remembered = staffLogins.get(key);
        if (remembered != null && remembered.until().isAfter(now)) {
            return Optional.of(remembered.staff());
        }
        try {
            return checked(user, login, password, key, now);
        } catch (StoreException e) {
            LOG.error("Staff sign-in of '{}' could not be checked against the failed logins: {}", shown(user), shown(String.valueOf(e.getMessage())));
            throw Problems.unavailable("Signing in cannot be checked now. Try again later.");
        }
    }

    /** {@code user} as typed goes to the realm; {@code login} is who it is counted and known as. */
    private Optional<Caller.Staff> checked(String user, String login, String password, String key, Instant now) {
        Throttle limits = throttle;
        Optional<LoginFailures> before = logins.failures(login);
        if (before.isPresent() && before.get().lockedAt(now)) {
            throw locked(before.get(), now);
        }
        // Counted before the password is checked: guesses sent at once, through any node, each take their place in
        // the allowance first, so no more than maxFailures passwords are checked within the window.
        LoginFailures counted = logins.failed(login, now, limits.maxFailures(), limits.lock(), limits.lock());
        Instant lastFailedBefore = before.map(LoginFailures::lastFailedAt).orElse(null);
        if (counted.failures() > limits.maxFailures()) {
            // the allowance went to other attempts meanwhile: this one is refused unchecked, so it is taken back,
            // or an official's right passwords sent at once would lock her after fewer wrong ones than the limit
            logins.notAFailure(login, limits.maxFailures(), now, lastFailedBefore);
            throw locked(counted, now);
        }
        Optional<Set<String>> roles;
        try {
            roles = passwords.roles(user, password);
        } catch (RuntimeException notChecked) {
            logins.notAFailure(login, limits.maxFailures(), now, lastFailedBefore); // the realm could not say: nothing to count
            throw notChecked;
        }
        if (roles.isEmpty()) {
            if (counted.lockedAt(now)) {
                LOG.warn("Staff account '{}' locked until {} after {} wrong passwords since {}", shown(login),
                        counted.lockedUntil(), counted.failures(), counted.firstFailedAt());
            }
            return Optional.empty();
        }
        try {
            logins.notAFailure(login, limits.maxFailures(), now, lastFailedBefore);
        } catch (StoreException e) {
            // The password was right and the account not locked: she is signed in. Answering 503 would leave the
            // count standing all the same, and her next try would add to it.
            LOG.warn("Staff account '{}' signed in, but its count of wrong passwords could not be taken back ({}); "
                    + "it is forgotten with the others", shown(login), shown(String.valueOf(e.getMessage())));
        }
        Caller.Staff staff = staffFrom(login, roles.get());
        if (staffLogins.size() >= MAX_REMEMBERED) {
            staffLogins.clear();
        }
        staffLogins.put(key, new Remembered(staff, now.plus(REMEMBER_STAFF)));
        return Optional.of(staff);
    }

    /**
     * A login as typed, for the log: anyone may type one, and a line break or an escape sequence in it would forge a
     * line of karaf.log (the only record of a lock) or reach the terminal of whoever reads it.
     */
    static String shown(String login) {
        StringBuilder out = new StringBuilder(login.length());
        login.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static ProblemException locked(LoginFailures failures, Instant now) {
        return new ProblemException(429, "too-many-login-attempts", "Too many wrong passwords",
                "This account is locked until " + failures.lockedUntil().plusSeconds(59).atZone(WorkingCalendar.KYIV)
                        .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")) + " (Kyiv time) after " + failures.failures() + " wrong passwords. Try again then, "
                        + "or ask an operator to unlock it.", java.util.List.of(),
                Duration.between(now, failures.lockedUntil()));
    }

    /**
     * Karaf's JAAS realm: the account's role names if the password is right. A realm that is not there at all (its
     * bundles restarting) is the platform's trouble, not a wrong password: 503, and nothing is counted against the
     * account. A login module that answers, though, cannot be told apart from a wrong password when it fails (Karaf's
     * LDAP and JDBC modules report both alike), so that counts.
     */
    static Optional<Set<String>> jaasLogin(String user, String password) {
        Subject subject = new Subject();
        LoginContext login;
        try {
            login = new LoginContext(REALM, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
        } catch (LoginException | SecurityException noRealm) {
            LOG.error("Staff sign-in is not possible: the JAAS realm '{}' is not available ({})", REALM,
                    noRealm.getMessage());
            throw Problems.unavailable("Signing in cannot be checked now. Try again later.");
        }
        try {
            login.login();
        } catch (LoginException refused) {
            return Optional.empty();
        }
        // Only role principals say what someone is: the user principal (an account named "admin", say) must not.
        Set<String> names = new HashSet<>();
        subject.getPrincipals().stream()
                .filter(p -> p.getClass().getSimpleName().equals("RolePrincipal"))
                .forEach(p -> names.add(p.getName()));
        return Optional.of(names);
    }

    /** What a set of JAAS role names makes a person. */
    static Caller.Staff staffFrom(String user, Set<String> roleNames) {
        Set<Role> roles = new HashSet<>();
        Set<Integer> authorities = new HashSet<>();
        boolean operator = false;
        for (String role : roleNames) {
            switch (role) {
                case "official" -> roles.add(Role.OFFICIAL);
                case "supervisor" -> roles.add(Role.SUPERVISOR);
                case "operator", "admin" -> operator = true;
                default -> {
                    if (role.matches("authority-\\d{1,9}")) {
                        authorities.add(Integer.parseInt(role.substring("authority-".length())));
                    }
                }
            }
        }
        return new Caller.Staff(user, roles, authorities, operator);
    }

    @Override
    public String developmentToken(String subject, String displayName) {
        if (subject == null || !subject.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ProblemException(400, "invalid-request", "Invalid request",
                    "subject must be 1 to 64 letters, digits, dots, dashes or underscores",
                    java.util.List.of(new ua.igov.platform.spi.FieldProblem("/subject", "1 to 64 of A-Z a-z 0-9 . _ -")));
        }
        String name = displayName == null ? subject : displayName;
        if (name.codePointCount(0, name.length()) > 100) { // characters, as the docs count them, not UTF-16 units
            throw new ProblemException(400, "invalid-request", "Invalid request", "name is longer than 100 characters",
                    java.util.List.of(new ua.igov.platform.spi.FieldProblem("/name", "at most 100 characters")));
        }
        for (Known known : inUse()) {
            Optional<String> token;
            try {
                token = known.provider().issueForDevelopment(subject, name);
            } catch (IllegalArgumentException refused) {
                throw new ProblemException(400, "invalid-request", "Invalid request", "The identity provider refused: "
                        + refused.getMessage(), java.util.List.of(new ua.igov.platform.spi.FieldProblem("/name",
                        refused.getMessage())));
            } catch (RuntimeException | LinkageError e) {
                // a provider that issues no development tokens and says so badly (or whose classes are gone) is
                // passed over, as it is when it fails on a token: the next one may issue them
                logThrottled(known.id(), "failed " + e.getClass().getName(), "failed to issue a development token: " + e);
                continue;
            }
            if (token.isPresent()) {
                return token.get();
            }
        }
        throw new ProblemException(404, "no-development-identity", "No development identity",
                "No installed identity provider issues development tokens (install the igov-identity-dev feature "
                        + "on a development system; never in production).");
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
