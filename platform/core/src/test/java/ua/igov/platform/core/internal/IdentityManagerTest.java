package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.Role;

/** Staff sign-in against a realm of two accounts, with wrong passwords counted on a real (Derby) store. */
class IdentityManagerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final IdentityManager.Throttle THREE_IN_15_MINUTES = new IdentityManager.Throttle(3, Duration.ofMinutes(15));
    private static final Map<String, String> PASSWORDS = Map.of("olena", "right", "ivan", "his");

    private final AtomicInteger realmChecks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(T0);
    private DerbyStores stores;
    private IdentityManager identity;

    private Optional<Set<String>> realm(String user, String password) {
        realmChecks.incrementAndGet();
        return password.equals(PASSWORDS.get(user)) ? Optional.of(Set.of("official", "authority-89")) : Optional.empty();
    }

    @BeforeEach
    void setUp() {
        stores = new DerbyStores();
        identity = new IdentityManager(stores.staffLogins, this::realm, clock, THREE_IN_15_MINUTES);
    }

    @Test
    void theRightPasswordSignsInAndIsRememberedForAMinute() {
        Caller.Staff olena = identity.staff("olena", "right").orElseThrow();
        assertEquals(Set.of(Role.OFFICIAL), olena.roles());
        assertEquals(Set.of(89), olena.authorities());
        identity.staff("olena", "right");
        assertEquals(1, realmChecks.get(), "remembered: the realm and the database are not asked again");
        clock.advance(IdentityManager.REMEMBER_STAFF.plusSeconds(1));
        identity.staff("olena", "right");
        assertEquals(2, realmChecks.get());
    }

    /**
     * An LDAP realm takes OLENA as olena. With loginsIgnoreCase, each case variant does not get an allowance of its
     * own (with five letters, 32 spellings of ten guesses each), and whatever case she types, she is one member of
     * staff for her assignments and the audit trail. Without it, names are taken as typed, as the shipped realm does.
     */
    @Test
    void aRealmThatIgnoresCaseHasOneAccountForEverySpelling() {
        IdentityManager.PasswordCheck ldap = (user, password) -> realm(user.toLowerCase(java.util.Locale.ROOT), password);
        IdentityManager anyCase = new IdentityManager(stores.staffLogins, ldap, clock, THREE_IN_15_MINUTES, true);
        assertEquals("olena", anyCase.staff("OLENA", "right").orElseThrow().user());
        assertEquals("olena", anyCase.staff("Olena", "right").orElseThrow().user());
        for (String spelling : List.of("OLENA", "Olena", "oLENA")) {
            assertTrue(anyCase.staff(spelling, "guess").isEmpty());
        }
        ProblemException locked = assertThrows(ProblemException.class, () -> anyCase.staff("olena", "guess-4"));
        assertEquals(429, locked.status(), "three spellings, one allowance");
        clock.advance(IdentityManager.REMEMBER_STAFF.plusSeconds(1)); // her right password is no longer remembered
        assertThrows(ProblemException.class, () -> anyCase.staff("OLENA", "right"), "locked whatever the case");

        IdentityManager asTyped = new IdentityManager(stores.staffLogins, ldap, clock, THREE_IN_15_MINUTES);
        assertEquals("IVAN", asTyped.staff("IVAN", "his").orElseThrow().user(), "off: the name as typed");
    }

    /**
     * The realm itself is gone (Karaf's JAAS bundles restarting): every sign-in is a 503, and none of them counts as
     * a wrong password, so nobody is locked out by an outage.
     */
    @Test
    void noRealmAtAllIsUnavailableAndLocksNobodyOut() {
        ProblemException plain = assertThrows(ProblemException.class, () -> IdentityManager.jaasLogin("olena", "right"));
        assertEquals(503, plain.status(), "a JVM with no JAAS configuration has no realm 'karaf'");
        IdentityManager withoutRealm = new IdentityManager(stores.staffLogins, IdentityManager::jaasLogin, clock,
                THREE_IN_15_MINUTES);
        for (int i = 0; i < 5; i++) {
            assertEquals(503, assertThrows(ProblemException.class, () -> withoutRealm.staff("olena", "right")).status());
        }
        assertTrue(stores.staffLogins.failures("olena").isEmpty(), "nothing counted against the account");
        assertTrue(identity.staff("olena", "right").isPresent(), "not locked once the realm is back");
    }

    @Test
    void tooManyWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        assertTrue(identity.staff("olena", "guess-1").isEmpty());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(identity.staff("olena", "guess-2").isEmpty());
        assertTrue(identity.staff("olena", "guess-3").isEmpty(), "the failure that locks is still only refused");
        int checksBefore = realmChecks.get();

        ProblemException locked = assertThrows(ProblemException.class, () -> identity.staff("olena", "right"));
        assertEquals(429, locked.status());
        assertEquals("too-many-login-attempts", locked.type());
        assertEquals(Duration.ofMinutes(15), locked.retryAfter().orElseThrow()); // locked at 10:00:30 UTC, 12:00:30 in Kyiv
        assertTrue(locked.detail().contains("until 12:16 (Kyiv time) after 3 wrong passwords"), locked.detail());
        assertThrows(ProblemException.class, () -> identity.staff("olena", "guess-4"));
        assertEquals(checksBefore, realmChecks.get(), "while locked no password is checked at all");
        assertTrue(identity.staff("ivan", "his").isPresent(), "another account signs in as usual");

        clock.advance(Duration.ofMinutes(15));
        assertTrue(identity.staff("olena", "right").isPresent(), "the lock is over");
        assertTrue(stores.staffLogins.failures("olena").isEmpty(), "and the right password forgot the failures");
    }

    @Test
    void aNodeCountsTheWrongPasswordsGivenToAnother() {
        IdentityManager otherNode = new IdentityManager(stores.anotherNodesStaffLogins(), this::realm, clock, THREE_IN_15_MINUTES);
        identity.staff("olena", "guess-1");
        otherNode.staff("olena", "guess-2");
        identity.staff("olena", "guess-3");
        assertEquals(429, assertThrows(ProblemException.class, () -> otherNode.staff("olena", "right")).status());
    }

    @Test
    void wrongPasswordsSpreadOutAreForgottenButARightOneDoesNotWipeThemOut() {
        identity.staff("olena", "guess-1");
        identity.staff("olena", "guess-2");
        assertTrue(identity.staff("olena", "right").isPresent(), "two wrong of three: the right one still signs in");
        assertEquals(2, stores.staffLogins.failures("olena").orElseThrow().failures(), "and the two stay counted");
        assertTrue(identity.staff("olena", "guess-3").isEmpty());
        clock.advance(IdentityManager.REMEMBER_STAFF.plusSeconds(1)); // past the minute her right one is remembered
        assertEquals(429, assertThrows(ProblemException.class, () -> identity.staff("olena", "right")).status(),
                "three wrong within the window: locked, a right one before them notwithstanding");
        clock.advance(Duration.ofMinutes(16));
        identity.staff("olena", "guess-5");
        assertEquals(1, stores.staffLogins.failures("olena").orElseThrow().failures(), "the older ones are forgotten");
        assertTrue(identity.staff("olena", "right").isPresent());
    }

    /**
     * Every sign-in not remembered is counted first and taken back when its password is right. Taking it back left
     * its time as the latest failure's, so an official working on (a sign-in a minute) kept two old typos from ever
     * being forgotten, and one more typo twenty minutes later locked her.
     */
    @Test
    void rightPasswordsDoNotKeepOldWrongOnesFromBeingForgotten() {
        identity.staff("olena", "typo-1");
        identity.staff("olena", "typo-2");
        for (int minute = 0; minute < 20; minute++) {
            clock.advance(IdentityManager.REMEMBER_STAFF.plusSeconds(1));
            assertTrue(identity.staff("olena", "right").isPresent());
        }
        assertTrue(identity.staff("olena", "typo-3").isEmpty());
        clock.advance(IdentityManager.REMEMBER_STAFF.plusSeconds(1));
        assertTrue(identity.staff("olena", "right").isPresent(), "the two typos of twenty minutes ago are forgotten");
        assertEquals(1, stores.staffLogins.failures("olena").orElseThrow().failures());
    }

    /**
     * A hundred guesses at once, on two nodes: each takes its place in the allowance before its password is checked,
     * so the realm checks no more than the limit, and the account ends locked.
     */
    @Test
    void guessesSentAtOnceGetNoMoreThanTheLimitChecked() throws Exception {
        IdentityManager otherNode = new IdentityManager(stores.anotherNodesStaffLogins(), this::realm, clock,
                THREE_IN_15_MINUTES);
        java.util.concurrent.ExecutorService attackers = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            IdentityManager node = i % 2 == 0 ? identity : otherNode;
            int n = i;
            guesses.add(attackers.submit(() -> {
                go.await();
                try {
                    node.staff("olena", "guess-" + n);
                } catch (ProblemException locked) {
                    assertEquals(429, locked.status());
                }
                return null;
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<?> g : guesses) {
            g.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        attackers.shutdown();
        assertTrue(realmChecks.get() <= 3, "passwords checked: " + realmChecks.get());
        assertEquals(429, assertThrows(ProblemException.class, () -> identity.staff("olena", "right")).status());
    }

    /**
     * An attempt counted past the limit, because others sent at the same moment took the allowance, is refused without
     * its password being checked, and so it is taken back: the store here answers the first look as if the others had
     * not been counted yet, as happens when attempts arrive together.
     */
    @Test
    void anAttemptRefusedUncheckedIsNotCounted() {
        ua.igov.platform.store.StaffLoginStore lateReads = (ua.igov.platform.store.StaffLoginStore)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {ua.igov.platform.store.StaffLoginStore.class}, (proxy, method, args) -> {
                            if (method.getName().equals("failures")) {
                                return Optional.empty(); // read before the attempts sent with it were counted
                            }
                            try {
                                return method.invoke(stores.staffLogins, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        IdentityManager racing = new IdentityManager(lateReads, this::realm, clock, THREE_IN_15_MINUTES);
        for (int i = 1; i <= 3; i++) {
            assertTrue(racing.staff("olena", "guess-" + i).isEmpty());
        }
        int checked = realmChecks.get();
        assertEquals(429, assertThrows(ProblemException.class, () -> racing.staff("olena", "right")).status());
        assertEquals(checked, realmChecks.get(), "refused without a check");
        assertEquals(3, stores.staffLogins.failures("olena").orElseThrow().failures(), "three wrong passwords, no more");
    }

    /**
     * A directory such as LDAP trims and folds the names it is given ("olena ", full-width "ｏlena" are olena there):
     * taken as typed, each spelling had its own allowance of guesses, even while she was locked, and signed in as
     * another member of staff. Only the platform's own login form is checked, and nothing else is counted.
     */
    @Test
    void aLoginADirectoryWouldTidyIsRefusedUncheckedAndUncounted() {
        IdentityManager.PasswordCheck ldap = (user, password) -> realm(java.text.Normalizer.normalize(user.strip(),
                java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT), password);
        IdentityManager directory = new IdentityManager(stores.staffLogins, ldap, clock, THREE_IN_15_MINUTES, true);
        for (int i = 1; i <= 3; i++) {
            assertTrue(directory.staff("olena", "guess-" + i).isEmpty());
        }
        int checked = realmChecks.get();
        for (String spelling : List.of("olena ", " olena", "\uFF4Flena", "olena\t", "ol ena")) {
            assertTrue(directory.staff(spelling, "right").isEmpty(), spelling);
        }
        assertEquals(checked, realmChecks.get(), "no other spelling reaches the realm");
        assertEquals(List.of("olena 3"), stores.staffLogins.recent(10).stream().map(f -> f.account() + " " + f.failures())
                .toList(), "and none is counted");
        assertEquals(429, assertThrows(ProblemException.class, () -> directory.staff("olena", "right")).status());
        assertEquals("ivan.p-2_x", new IdentityManager(stores.staffLogins, (u, p) -> Optional.of(Set.of("official",
                "authority-89")), clock, THREE_IN_15_MINUTES).staff("ivan.p-2_x", "his").orElseThrow().user());
    }

    /**
     * The database failing as the count of a right password is taken back: she is signed in (it was a 503 that left
     * the count standing all the same).
     */
    @Test
    void aRightPasswordSignsInEvenIfItsCountCannotBeTakenBack() {
        ua.igov.platform.store.StaffLoginStore failingOnce = (ua.igov.platform.store.StaffLoginStore)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {ua.igov.platform.store.StaffLoginStore.class}, new java.lang.reflect.InvocationHandler() {
                            boolean failed;

                            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                                if (method.getName().equals("notAFailure") && !failed) {
                                    failed = true;
                                    throw new ua.igov.platform.store.StoreException("connection reset", null);
                                }
                                try {
                                    return method.invoke(stores.staffLogins, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }
                        });
        IdentityManager flaky = new IdentityManager(failingOnce, this::realm, clock, THREE_IN_15_MINUTES);
        assertEquals("olena", flaky.staff("olena", "right").orElseThrow().user());
    }

    @Test
    void aLoginIsLoggedWithoutTheLineBreaksAndEscapesSomeoneTypedIntoIt() {
        assertEquals("x\\u000A2026-11-27 INFO unlocked \\u001B[31m", IdentityManager.shown("x\n2026-11-27 INFO unlocked \u001B[31m"));
        assertEquals("olena", IdentityManager.shown("olena"));
    }

    @Test
    void aMalformedAttemptIsRefusedWithoutCountingAndALimitBelowOneIsRefusedAtStart() {
        assertTrue(identity.staff("olena", "x".repeat(201)).isEmpty());
        assertTrue(identity.staff(" ", "x").isEmpty());
        IdentityManager anyCase = new IdentityManager(stores.staffLogins, this::realm, clock, THREE_IN_15_MINUTES, true);
        assertTrue(anyCase.staff("İ".repeat(60), "x").isEmpty(), "not a login (and 120 characters in lower case): a 401");
        assertTrue(stores.staffLogins.recent(10).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new IdentityManager.Throttle(0, Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class, () -> new IdentityManager.Throttle(10, Duration.ZERO));
    }

    /**
     * A production provider that throws instead of answering "none" when asked for a development token is passed
     * over, as it is when it fails on a token: the development provider after it issues the token (before, a 500).
     */
    @Test
    void aProviderFailingToIssueADevelopmentTokenIsPassedOver() {
        identity.addProvider(new ua.igov.platform.spi.IdentityProvider() {
            public String id() { return "oidc"; }
            public Optional<ua.igov.platform.spi.Citizen> verify(String token) { return Optional.empty(); }
            public Optional<String> issueForDevelopment(String subject, String name) {
                throw new UnsupportedOperationException("not in production");
            }
        });
        identity.addProvider(new ua.igov.platform.spi.IdentityProvider() {
            public String id() { return "dev"; }
            public Optional<ua.igov.platform.spi.Citizen> verify(String token) { return Optional.empty(); }
            public Optional<String> issueForDevelopment(String subject, String name) { return Optional.of("t-" + subject); }
        });
        assertEquals("t-taras", identity.developmentToken("taras", null));
        assertEquals("t-taras", identity.developmentToken("taras", "🇺🇦".repeat(50)), "100 characters, 200 UTF-16 units");
        assertEquals(400, assertThrows(ProblemException.class, () -> identity.developmentToken("taras", "я".repeat(101)))
                .status());
    }

    /**
     * Whatever a provider throws, an {@code Error} included (a {@code ServiceConfigurationError} from a library it
     * loads), the next provider is asked: before, the error ended every Bearer request in a 500.
     */
    @Test
    void aProviderThrowingAnErrorIsPassedOverForTheNext() {
        identity.addProvider(provider("a-broken", () -> { // asked first: providers are asked in the order of their ids
            throw new java.util.ServiceConfigurationError("no such provider");
        }));
        identity.addProvider(provider("bankid", () -> { }));
        assertEquals("bankid:taras", identity.citizen("bankid:taras").orElseThrow().citizen().ownerKey());
    }

    /**
     * Two providers that both vouch for a token (two OIDC plugins on one issuer): every node takes it as the same
     * citizen, whichever provider arrived there first. In arrival order, the citizen's applications came and went
     * with the node the load balancer picked.
     */
    @Test
    void aTokenTwoProvidersVouchForIsTheSameCitizenOnEveryNode() {
        IdentityManager nodeA = new IdentityManager(stores.staffLogins, this::realm, clock, THREE_IN_15_MINUTES);
        IdentityManager nodeB = new IdentityManager(stores.staffLogins, this::realm, clock, THREE_IN_15_MINUTES);
        nodeA.addProvider(vouchingForAnyone("oidc-b"));
        nodeA.addProvider(vouchingForAnyone("oidc-a"));
        nodeB.addProvider(vouchingForAnyone("oidc-a"));
        nodeB.addProvider(vouchingForAnyone("oidc-b"));
        assertEquals("oidc-a:taras", nodeA.citizen("taras").orElseThrow().citizen().ownerKey());
        assertEquals("oidc-a:taras", nodeB.citizen("taras").orElseThrow().citizen().ownerKey());
    }

    private static ua.igov.platform.spi.IdentityProvider vouchingForAnyone(String id) {
        return new ua.igov.platform.spi.IdentityProvider() {
            public String id() { return id; }
            public Optional<ua.igov.platform.spi.Citizen> verify(String token) {
                return Optional.of(new ua.igov.platform.spi.Citizen(token, "Тарас", id));
            }
        };
    }

    /** A provider answering tokens of its own form, "prefix:subject", after {@code before} runs. */
    private static ua.igov.platform.spi.IdentityProvider provider(String id, Runnable before) {
        return new ua.igov.platform.spi.IdentityProvider() {
            public String id() { return id; }
            public Optional<ua.igov.platform.spi.Citizen> verify(String token) {
                before.run();
                return token.startsWith(id + ":") ? Optional.of(new ua.igov.platform.spi.Citizen(
                        token.substring(id.length() + 1), "Тарас Шевченко", id)) : Optional.empty();
            }
        };
    }

    /**
     * An owner key is the provider's id and the person's subject, so nothing else may put a name there: a provider
     * vouching for a citizen under another provider's id is not believed, an id that could blur where the subject
     * starts is not used, and a second provider with an id in use waits until the first leaves.
     */
    @Test
    void aCitizenIsOwnedOnlyUnderTheIdOfTheProviderThatVouchesForThem() {
        ua.igov.platform.spi.IdentityProvider impostor = new ua.igov.platform.spi.IdentityProvider() {
            public String id() { return "oidc"; }
            public Optional<ua.igov.platform.spi.Citizen> verify(String token) {
                return Optional.of(new ua.igov.platform.spi.Citizen("taras", "Тарас", "dev")); // dev:taras's key
            }
        };
        identity.addProvider(impostor);
        assertTrue(identity.citizen("anything").isEmpty(), "not believed");

        identity.addProvider(provider("gov:ua", () -> { })); // "gov:ua" + "x" and "gov" + "ua:x" would be one owner
        assertTrue(identity.citizen("gov:ua:x").isEmpty(), "an id with ':' is not used");

        ua.igov.platform.spi.IdentityProvider first = provider("bankid", () -> { });
        java.util.concurrent.atomic.AtomicBoolean secondAsked = new java.util.concurrent.atomic.AtomicBoolean();
        ua.igov.platform.spi.IdentityProvider second = provider("bankid", () -> secondAsked.set(true));
        identity.removeProvider(impostor);
        identity.addProvider(first);
        identity.addProvider(second);
        assertEquals("bankid:taras", identity.citizen("bankid:taras").orElseThrow().citizen().ownerKey());
        assertTrue(identity.citizen("bankid:nobody-else").isPresent());
        assertFalse(secondAsked.get(), "the second bankid waits");
        identity.removeProvider(first);
        assertEquals("bankid:taras", identity.citizen("bankid:taras").orElseThrow().citizen().ownerKey());
        assertTrue(secondAsked.get(), "and is used once the first has left");
    }

    /**
     * A provider that hangs on every token (a key fetch without a timeout) holds at most its share of request
     * threads: further tokens get 503 at once instead of taking another thread, and another provider's citizens are
     * signed in as usual. A provider whose code throws an Error does not keep the next one from being asked.
     */
    @Test
    void aHangingOrBrokenProviderHoldsOnlyItsShareAndTheOthersSignCitizensIn() throws Exception {
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger hanging = new AtomicInteger();
        identity.addProvider(provider("slow", () -> {
            hanging.incrementAndGet();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        identity.addProvider(provider("broken", () -> {
            throw new NoClassDefFoundError("com/example/Jwks");
        }));
        identity.addProvider(provider("bankid", () -> { }));
        int share = IdentityManager.MAX_VERIFYING_PER_PROVIDER;
        java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newFixedThreadPool(share);
        try {
            for (int i = 0; i < share; i++) {
                requests.submit(() -> identity.citizen("slow:taras"));
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (hanging.get() < share && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(share, hanging.get(), "the share of request threads is stuck in the provider");

            ProblemException busy = assertThrows(ProblemException.class, () -> identity.citizen("slow:taras"));
            assertEquals(503, busy.status());
            assertEquals(share, hanging.get(), "no further thread went into the stuck provider");
            identity.addProvider(provider("slow", hanging::incrementAndGet)); // registered again, still broken
            assertEquals(503, assertThrows(ProblemException.class, () -> identity.citizen("slow:taras")).status(),
                    "a new registration of the provider shares the old one's count: no 64 more threads");
            assertEquals("taras", identity.citizen("bankid:taras").orElseThrow().citizen().subject(),
                    "another provider's citizens sign in, past the broken one");
            assertEquals(503, assertThrows(ProblemException.class, () -> identity.citizen("nobody:taras")).status(),
                    "a token no other provider knows may be the stuck one's: it cannot be refused (401) now");
        } finally {
            released.countDown();
            requests.shutdown();
            assertTrue(requests.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals("slow", identity.citizen("slow:taras").orElseThrow().citizen().provider(),
                "served again once its calls returned");
    }
}
