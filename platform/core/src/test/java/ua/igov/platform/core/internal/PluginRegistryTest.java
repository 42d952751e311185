package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.Workflow;

class PluginRegistryTest {

    /** A framework with no other bundles: the registry needs nothing else from it here. */
    private static final BundleContext NO_BUNDLES = (BundleContext) Proxy.newProxyInstance(
            PluginRegistryTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
            (proxy, method, args) -> method.getName().equals("getBundles") ? new Bundle[0] : null);

    @SuppressWarnings("unchecked")
    private static ServiceReference<ServiceType> reference(long serviceId) {
        return (ServiceReference<ServiceType>) Proxy.newProxyInstance(PluginRegistryTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) ->
                        method.getName().equals("getProperty") && "service.id".equals(args[0]) ? serviceId : null);
    }

    /** A registration by the bundle {@code name} at {@code version}. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<ServiceType> reference(long serviceId, String name, String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(PluginRegistryTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVersion" -> org.osgi.framework.Version.parseVersion(version);
                    case "getSymbolicName" -> name;
                    default -> null;
                });
        return (ServiceReference<ServiceType>) Proxy.newProxyInstance(PluginRegistryTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> "service.id".equals(args[0]) ? serviceId : null;
                    default -> null;
                });
    }

    private static ServiceType type(String code, Set<Integer> catalogueIds) {
        return new ServiceType() {
            public String code() { return code; }
            public LocalizedText name() { return LocalizedText.of(code); }
            public Set<Integer> catalogueServiceIds() { return catalogueIds; }
            public FormDefinition form() { return new FormDefinition("1.0", "{\"type\": \"object\"}"); }
            public SubmissionHandler handler() { return submission -> { }; }
        };
    }

    /**
     * Two installed types claiming one catalogue service: applying by its id goes through the same one whatever the
     * order they arrived in, so two nodes (or two requests) never pick differently.
     */
    @Test
    void aCatalogueServiceTwoTypesClaimGoesToTheFirstByCodeWhateverTheOrderOfInstalling() {
        for (List<String> order : List.of(List.of("zeta-extract", "alpha-extract", "mid-extract"),
                List.of("alpha-extract", "mid-extract", "zeta-extract"), List.of("mid-extract", "zeta-extract", "alpha-extract"))) {
            PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
            long id = 1;
            for (String code : order) {
                registry.addServiceType(type(code, Set.of(47, 100 + (int) id)), reference(id++));
            }
            assertEquals("alpha-extract", registry.serviceTypeFor(47).orElseThrow().code(), order.toString());
            assertTrue(registry.serviceTypeFor(46).isEmpty());
        }
    }

    /** A plugin whose workflow cannot be built is refused alone, saying why; one whose classes are gone too. */
    @Test
    void aPluginWithAWorkflowThatCannotBeBuiltIsRefusedAndTheOthersServe() {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        ServiceType good = type("birth-extract", Set.of(1));
        ServiceType endless = Varied.workflow(type("land-extract", Set.of(2)), () ->
                Workflow.DEFAULT.withDeadlines(java.util.Map.of(Status.IN_REVIEW, 100_000)));
        ServiceType gone = Varied.workflow(type("tax-extract", Set.of(3)), () -> {
            throw new NoClassDefFoundError("com/example/Terms");
        });
        registry.addServiceType(endless, reference(1));
        registry.addServiceType(good, reference(2));
        registry.addServiceType(gone, reference(3));

        assertEquals(List.of("birth-extract"), registry.serviceTypes().stream().map(InstalledServiceType::code).toList());
        List<PluginInfo> refused = registry.plugins().stream().filter(p -> PluginInfo.REFUSED.equals(p.state())).toList();
        assertEquals(List.of("land-extract", "tax-extract"), refused.stream().map(PluginInfo::id).sorted().toList());
        assertEquals("its code, workflow or catalogue service ids are not valid: the term of 'in_review' must be 0 to 365 working days, was 100000",
                refused.stream().filter(p -> p.id().equals("land-extract")).findFirst().orElseThrow().name());
    }

    /**
     * A workflow of null (a plugin reading it from a file that is missing), or a code or form version no URL or
     * column holds, is refused on arrival, instead of being served while every submission, the escalation
     * scheduler and the plugin list fail on it.
     */
    @Test
    void aPluginWithNoWorkflowOrACodeNoUrlHoldsIsRefused() {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        registry.addServiceType(Varied.workflow(type("land-extract", Set.of(2)), () -> null), reference(1));
        registry.addServiceType(type("a".repeat(65), Set.of(3)), reference(2));
        registry.addServiceType(type("tax/extract", Set.of(4)), reference(3));
        registry.addServiceType(type("Birth-Extract", Set.of(5)), reference(4));
        registry.addServiceType(type("birth-extract", Set.of(1)), reference(5));

        assertEquals(List.of("birth-extract"), registry.serviceTypes().stream().map(InstalledServiceType::code).toList());
        List<PluginInfo> plugins = registry.plugins(); // and the list itself answers
        assertEquals(4, plugins.stream().filter(p -> PluginInfo.REFUSED.equals(p.state())).count(), plugins.toString());
        assertTrue(plugins.stream().anyMatch(p -> p.name().contains("workflow() gives null")), plugins.toString());
    }

    /**
     * What the database would refuse at every submission or step (a name longer than its column, a step's name
     * longer than the history's), and a workflow that lets citizens decide their own applications, are refused on
     * arrival, saying why; hints that are not a JSON object are left out and the plugin serves.
     */
    @Test
    void valuesNoRecordHoldsAndCitizensDecidingAreRefusedOnArrival() {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        registry.addServiceType(named("long-name", "Д".repeat(1001), "1.0"), reference(1));
        ua.igov.platform.spi.Transition longStep = new ua.igov.platform.spi.Transition("a".repeat(41),
                Set.of(ua.igov.platform.spi.Status.SUBMITTED), ua.igov.platform.spi.Status.IN_REVIEW,
                Set.of(ua.igov.platform.spi.Role.OFFICIAL));
        registry.addServiceType(Varied.workflow(type("long-step", Set.of(2)), () -> new Workflow(List.of(longStep),
                java.util.Map.of())), reference(2));
        ua.igov.platform.spi.Transition selfApproval = new ua.igov.platform.spi.Transition("confirm",
                Set.of(ua.igov.platform.spi.Status.SUBMITTED), ua.igov.platform.spi.Status.APPROVED,
                Set.of(ua.igov.platform.spi.Role.CITIZEN));
        registry.addServiceType(Varied.workflow(type("self-approval", Set.of(3)), () -> new Workflow(List.of(selfApproval),
                java.util.Map.of())), reference(3));
        for (String hints : List.of("{\"order\": [\"a\"", "[\"a\"]")) {
            ServiceType base = type(hints.startsWith("[") ? "list-hints" : "bad-hints", Set.of(hints.startsWith("[") ? 5 : 4));
            registry.addServiceType(new ServiceType() {
                public String code() { return base.code(); }
                public LocalizedText name() { return base.name(); }
                public Set<Integer> catalogueServiceIds() { return base.catalogueServiceIds(); }
                public FormDefinition form() { return base.form(); }
                public java.util.Optional<String> uiHints() { return java.util.Optional.of(hints); }
            }, reference(hints.startsWith("[") ? 5 : 4));
        }

        assertEquals(List.of("bad-hints", "list-hints"),
                registry.serviceTypes().stream().map(InstalledServiceType::code).sorted().toList());
        assertTrue(registry.serviceType("bad-hints").orElseThrow().uiHints().isEmpty(), "served without its hints");
        assertTrue(registry.serviceType("list-hints").orElseThrow().uiHints().isEmpty(), "JSON, but not an object");
        List<PluginInfo> refused = registry.plugins().stream().filter(p -> PluginInfo.REFUSED.equals(p.state())).toList();
        assertEquals(3, refused.size(), refused.toString());
        assertTrue(refused.toString().contains("at most 1000 characters"), refused.toString());
        assertTrue(refused.toString().contains("is not 1 to 40"), refused.toString());
        assertTrue(refused.toString().contains("only staff decide"), refused.toString());
    }

    /**
     * Every catalogue entry shown looks for the service type implementing it: asking each plugin each time would let
     * one slow or failing plugin slow down or break every region's catalogue. Its answer is taken once, on arrival.
     */
    @Test
    void whatAPluginImplementsIsAskedOnceWhenItArrives() {
        int[] asked = {0};
        ServiceType base = type("birth-extract", Set.of(47));
        ServiceType once = new ServiceType() {
            public String code() { return base.code(); }
            public LocalizedText name() { return base.name(); }
            public Set<Integer> catalogueServiceIds() {
                if (asked[0]++ > 0) {
                    throw new IllegalStateException("asked again");
                }
                return Set.of(47);
            }
            public FormDefinition form() { return base.form(); }
            public SubmissionHandler handler() { return base.handler(); }
        };
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        registry.addServiceType(once, reference(1));
        for (int i = 0; i < 3; i++) {
            assertEquals("birth-extract", registry.serviceTypeFor(47).orElseThrow().code());
            assertTrue(registry.serviceTypeFor(46).isEmpty());
        }
        assertTrue(registry.plugins().get(0).contributes().endsWith("for catalogue services [47]"));
        assertEquals(1, asked[0]);
    }

    /**
     * A plugin whose code cannot be read is refused alone, and one whose code works only the first time is never
     * asked again: the registry lists every plugin by its code on every change, and asking each plugin each time let
     * one failing plugin stop every later arrival and departure from being served.
     */
    @Test
    void aPluginWhoseCodeFailsDoesNotStopTheRegistry() {
        ServiceType base = type("birth-extract", Set.of(1));
        int[] asked = {0};
        ServiceType codeOnce = new ServiceType() {
            public String code() {
                if (asked[0]++ > 0) {
                    throw new IllegalStateException("configuration gone");
                }
                return "tax-extract";
            }
            public LocalizedText name() { return base.name(); }
            public Set<Integer> catalogueServiceIds() { return Set.of(2); }
            public FormDefinition form() { return base.form(); }
            public SubmissionHandler handler() { return base.handler(); }
        };
        ServiceType noCode = new ServiceType() {
            public String code() { throw new NoClassDefFoundError("com/example/Config"); }
            public LocalizedText name() { return base.name(); }
            public Set<Integer> catalogueServiceIds() { return Set.of(3); }
            public FormDefinition form() { return base.form(); }
            public SubmissionHandler handler() { return base.handler(); }
        };
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        registry.addServiceType(codeOnce, reference(1));
        registry.addServiceType(noCode, reference(2));
        registry.addServiceType(base, reference(3));

        assertEquals(List.of("birth-extract", "tax-extract"), registry.serviceTypes().stream()
                .map(InstalledServiceType::code).sorted().toList(), "a later arrival is served");
        assertEquals(List.of(PluginInfo.ACTIVE, PluginInfo.ACTIVE, PluginInfo.REFUSED),
                registry.plugins().stream().map(PluginInfo::state).sorted().toList());
        registry.removeServiceType(base, reference(3));
        assertTrue(registry.serviceType("birth-extract").isEmpty(), "a departure is no longer served");
        assertEquals(1, asked[0], "the code is asked once, on arrival");
    }

    /**
     * A plugin's escalation rules are read once, when it arrives: a plugin whose rules hang cannot stop every run of
     * the escalation scheduler. Rules that cannot be read leave the plugin served, its applications not escalated.
     */
    @Test
    void escalationRulesAreReadOnceOnArrivalAndTheirFailureDoesNotRefuseThePlugin() {
        ServiceType base = type("birth-extract", Set.of(1));
        int[] asked = {0};
        ServiceType counted = Varied.rules(base, () -> {
            asked[0]++;
            return List.of(new ua.igov.platform.spi.EscalationRule("late", ua.igov.platform.spi.EscalationRule.Trigger.OVERDUE,
                    1, Set.of(ua.igov.platform.spi.EscalationRule.Action.NOTIFY_SUPERVISOR)));
        });
        ServiceType broken = Varied.rules(type("tax-extract", Set.of(2)), () -> {
            throw new IllegalStateException("rules file missing");
        });
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        registry.addServiceType(counted, reference(1));
        registry.addServiceType(broken, reference(2));
        for (int i = 0; i < 3; i++) {
            assertEquals(1, registry.serviceType("birth-extract").orElseThrow().escalationRules().orElseThrow().size());
        }
        assertEquals(1, asked[0]);
        assertTrue(registry.serviceType("tax-extract").orElseThrow().escalationRules().isEmpty(),
                "served, with no rules of its own");
    }

    /**
     * A plugin that hangs while it says what it is cannot hold up the thread that installed it (Karaf's feature
     * installer, which installs one feature at a time): it is refused after the time limit, and the next plugin serves.
     */
    @Test
    void aPluginThatHangsWhileItArrivesIsRefusedAndDoesNotHoldUpTheInstaller() throws Exception {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES, java.time.Duration.ofMillis(300));
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        // a plugin waiting for something that never comes (it does answer an interrupt)
        ServiceType hanging = Varied.formAfter(type("land-extract", Set.of(2)), new java.util.concurrent.CountDownLatch(1),
                never);
        try {
            long started = System.nanoTime();
            registry.addServiceType(hanging, reference(1));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMillis < 5_000, "the installing thread got back after " + tookMillis + " ms");
            registry.addServiceType(type("birth-extract", Set.of(1)), reference(2));

            assertEquals(List.of("birth-extract"), registry.serviceTypes().stream().map(InstalledServiceType::code).toList());
            PluginInfo refused = registry.plugins().stream().filter(p -> PluginInfo.REFUSED.equals(p.state()))
                    .findFirst().orElseThrow();
            assertEquals("land-extract", refused.id(), "the code it gave before it hung");
            assertTrue(refused.name().startsWith("it hangs: did not describe itself within 300 ms"), refused.name());
        } finally {
            never.countDown();
        }
    }

    /** A plugin that leaves while it is still being asked what it is is not served when its answer comes. */
    @Test
    void aPluginThatLeavesWhileItIsAskedIsNotServedAfterwards() throws Exception {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        ServiceType slow = Varied.formAfter(type("land-extract", Set.of(2)), asked, answer);
        Thread installer = new Thread(() -> registry.addServiceType(slow, reference(1)));
        installer.start();
        assertTrue(asked.await(10, java.util.concurrent.TimeUnit.SECONDS));
        registry.removeServiceType(slow, reference(1)); // its bundle stops meanwhile
        answer.countDown();
        installer.join(10_000);
        assertTrue(registry.serviceType("land-extract").isEmpty(), "gone, not served");
        assertEquals(List.of(), registry.plugins());
    }

    /** Two plugins with one service code: one is served, the other waits, both are listed as such. */
    @Test
    void aSecondPluginForACodeAlreadyServedIsListedAsWaitingAndTakesOverWhenTheFirstLeaves() {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        ServiceType first = type("birth-extract", Set.of(1));
        ServiceType second = type("birth-extract", Set.of(1));
        registry.addServiceType(first, reference(1));
        registry.addServiceType(second, reference(2));

        assertTrue(registry.serviceType("birth-extract").orElseThrow().type() == first, "one bundle: the older one");
        List<String> states = registry.plugins().stream().filter(p -> p.id().equals("birth-extract"))
                .map(PluginInfo::state).sorted().toList();
        assertEquals(List.of(PluginInfo.ACTIVE, PluginInfo.WAITING), states);
        registry.removeServiceType(first, reference(1));
        assertTrue(registry.serviceType("birth-extract").orElseThrow().type() == second, "the waiting one takes over");
        assertEquals(List.of(PluginInfo.ACTIVE), registry.plugins().stream().map(PluginInfo::state).toList());
    }

    /**
     * Which plugin serves a code depends on the bundles alone, not on the order a node installed them in: the higher
     * version, then the name first in alphabetical order. Two nodes serving one database serve the same one.
     */
    @Test
    void thePluginServedForACodeIsTheSameWhateverOrderTheyArrivedIn() {
        record Plugin(String bundle, String version) {
        }
        List<Plugin> plugins = List.of(new Plugin("org.example.birth", "1.0.0"), new Plugin("org.example.birth", "1.10.0"),
                new Plugin("org.example.birth", "1.2.0"), new Plugin("com.example.birth", "1.10.0"));
        for (List<Integer> order : List.of(List.of(0, 1, 2, 3), List.of(3, 2, 1, 0), List.of(2, 0, 3, 1), List.of(1, 3, 0, 2))) {
            PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
            long id = 1;
            for (int i : order) {
                registry.addServiceType(type("birth-extract", Set.of(1)),
                        reference(id++, plugins.get(i).bundle(), plugins.get(i).version()));
            }
            assertEquals(new PluginOrigin("com.example.birth", "1.10.0"),
                    registry.serviceType("birth-extract").orElseThrow().origin(), order.toString());
            assertEquals(3, registry.plugins().stream().filter(p -> PluginInfo.WAITING.equals(p.state())).count());
        }
    }

    /**
     * What a plugin gives when it arrives is what is served and recorded: its UI hints and its schema's text are not
     * asked for again on each request, and hints that cannot be read leave the form served without them.
     */
    @Test
    void uiHintsAndTheSchemaTextAreReadOnceOnArrival() {
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        ServiceType base = type("birth-extract", Set.of(1));
        ServiceType counting = new ServiceType() {
            public String code() { return base.code(); }
            public LocalizedText name() { return base.name(); }
            public Set<Integer> catalogueServiceIds() { return base.catalogueServiceIds(); }
            public FormDefinition form() {
                return new FormDefinition("1." + asked.incrementAndGet(), "{\"type\": \"object\", \"title\": \"call "
                        + asked.get() + "\"}");
            }
            public java.util.Optional<String> uiHints() {
                return java.util.Optional.of("{\"hints\": " + asked.incrementAndGet() + "}");
            }
        };
        ServiceType failing = new ServiceType() {
            public String code() { return "land-extract"; }
            public LocalizedText name() { return base.name(); }
            public Set<Integer> catalogueServiceIds() { return Set.of(2); }
            public FormDefinition form() { return base.form(); }
            public java.util.Optional<String> uiHints() { throw new IllegalStateException("hints are broken"); }
        };
        registry.addServiceType(counting, reference(1));
        registry.addServiceType(failing, reference(2));
        InstalledServiceType served = registry.serviceType("birth-extract").orElseThrow();
        assertEquals(2, asked.get(), "the form and the hints, once each");
        assertEquals("1.1", served.formVersion());
        assertTrue(served.schemaText().contains("call 1"), "the text compiled is the text served: " + served.schemaText());
        assertEquals(java.util.Optional.of("{\"hints\": 2}"), served.uiHints());
        assertTrue(registry.serviceType("land-extract").orElseThrow().uiHints().isEmpty(), "served without hints");
    }

    /**
     * The service types recorded in the database are the ones served: a plugin that arrives and waits does not
     * overwrite the served one's name and version, and its form version is not recorded until it is served.
     */
    @Test
    void onlyTheServedPluginIsRecorded() {
        DerbyStores stores = new DerbyStores();
        PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
        registry.addListener(new ServiceTypeRecorder(stores.applications, registry));
        ServiceType newer = named("birth-extract", "Витяг", "2.0");
        ServiceType older = named("birth-extract", "Старий витяг", "1.0");
        ServiceReference<ServiceType> newerReference = reference(1, "org.example.birth", "2.0.0");
        registry.addServiceType(newer, newerReference);
        registry.addServiceType(older, reference(2, "org.example.birth", "1.0.0")); // arrives later, waits

        ua.igov.platform.store.ServiceTypeRecord recorded = stores.applications.findServiceType("birth-extract").orElseThrow();
        assertEquals(List.of("Витяг", "2.0", "2.0.0"), List.of(recorded.nameUk(), recorded.formVersion(), recorded.pluginVersion()));
        assertTrue(stores.applications.formSchema("birth-extract", "1.0").isEmpty(), "the waiting form is not recorded");

        registry.removeServiceType(newer, newerReference);
        recorded = stores.applications.findServiceType("birth-extract").orElseThrow();
        assertEquals(List.of("Старий витяг", "1.0", "1.0.0"), List.of(recorded.nameUk(), recorded.formVersion(), recorded.pluginVersion()));
        assertTrue(stores.applications.formSchema("birth-extract", "1.0").isPresent(), "served now, and recorded");
    }

    private static ServiceType named(String code, String nameUk, String formVersion) {
        return new ServiceType() {
            public String code() { return code; }
            public LocalizedText name() { return LocalizedText.of(nameUk); }
            public Set<Integer> catalogueServiceIds() { return Set.of(1); }
            public FormDefinition form() { return new FormDefinition(formVersion, "{\"type\": \"object\"}"); }
        };
    }

    /** A service type with another workflow or other escalation rules (null: the base's), for the cases above. */
    private record Varied(ServiceType base, java.util.function.Supplier<Workflow> terms,
                          java.util.function.Supplier<List<ua.igov.platform.spi.EscalationRule>> rules,
                          java.util.function.Supplier<FormDefinition> forms) implements ServiceType {
        static Varied workflow(ServiceType base, java.util.function.Supplier<Workflow> terms) {
            return new Varied(base, terms, null, null);
        }

        static Varied rules(ServiceType base, java.util.function.Supplier<List<ua.igov.platform.spi.EscalationRule>> rules) {
            return new Varied(base, null, rules, null);
        }

        /** The base's form, given once {@code release} opens (after counting {@code asked} down), as a slow plugin would. */
        static Varied formAfter(ServiceType base, java.util.concurrent.CountDownLatch asked,
                                java.util.concurrent.CountDownLatch release) {
            return new Varied(base, null, null, () -> {
                asked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return base.form();
            });
        }

        public String code() { return base.code(); }
        public LocalizedText name() { return base.name(); }
        public Set<Integer> catalogueServiceIds() { return base.catalogueServiceIds(); }
        public FormDefinition form() { return forms == null ? base.form() : forms.get(); }
        public SubmissionHandler handler() { return base.handler(); }
        public Workflow workflow() { return terms == null ? base.workflow() : terms.get(); }
        public List<ua.igov.platform.spi.EscalationRule> escalationRules() {
            return rules == null ? base.escalationRules() : rules.get();
        }
    }
}
