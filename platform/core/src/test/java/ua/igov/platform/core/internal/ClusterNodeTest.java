package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ClusterService.ClusterView;
import ua.igov.platform.core.ClusterService.NodeView;
import ua.igov.platform.core.ClusterService.PluginOnNode;
import ua.igov.platform.core.ProblemException;

/** Two nodes on one database, each with its own (fake) Karaf features, converging through the database. */
class ClusterNodeTest {

    private static final Duration BEAT = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    /** A node's features: a set of installed name/version pairs; some features exist in only some runtimes. */
    static class FakeFeatures implements FeatureInstaller {
        final Map<String, Set<String>> installed = new TreeMap<>();
        final Map<String, String> available = new TreeMap<>(Map.of(
                "igov-region-lviv", "0.1.0", "igov-service-residence-registration", "0.1.0"));

        FakeFeatures with(String feature) {
            installed.computeIfAbsent(feature, f -> new TreeSet<>()).add(available.get(feature));
            return this;
        }

        @Override
        public Set<String> installedVersions(String feature) {
            return installed.getOrDefault(feature, Set.of());
        }

        @Override
        public Map<String, String> installedPlugins() {
            Map<String, String> plugins = new TreeMap<>();
            installed.forEach((f, versions) -> plugins.put(f, String.join(",", versions)));
            return plugins;
        }

        @Override
        public void install(String feature, String version) {
            String v = version == null ? available.get(feature) : version;
            if (v == null || (version != null && !version.equals(available.get(feature)))) {
                throw new IllegalStateException("No matching features for " + feature + "/" + version);
            }
            installed.computeIfAbsent(feature, f -> new TreeSet<>()).add(v);
        }

        @Override
        public void uninstall(String feature, String version) {
            installed.get(feature).remove(version);
            if (installed.get(feature).isEmpty()) {
                installed.remove(feature);
            }
        }
    }

    private final DerbyStores stores = new DerbyStores();
    private final FakeFeatures featuresA = new FakeFeatures().with("igov-region-lviv").with("igov-service-residence-registration");
    private final FakeFeatures featuresB = new FakeFeatures().with("igov-region-lviv").with("igov-service-residence-registration");
    private final ClusterNode a = new ClusterNode(stores.cluster, featuresA, "node-a", BEAT, CLOCK, false);
    private final ClusterNode b = new ClusterNode(stores.cluster, featuresB, "node-b", BEAT, CLOCK, false);

    /**
     * Three nodes; the calendar file is edited on one of them only. The others' view shows which nodes read it how,
     * and nothing else; once the file is the same everywhere (and a node that read it differently has died) there
     * is no difference left. Settings are written only when they change, not at every beat.
     */
    @Test
    void aSettingReadDifferentlyOnSomeLiveNodesIsShownWithWhoReadsWhat() throws Exception {
        Map<String, String> same = Map.of("etc/ua.igov.platform.core.cfg", "c1", "etc/ua.igov.platform.calendar.cfg", "k1");
        Map<String, String> onC = new java.util.HashMap<>(same);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        MutableClock clock = new MutableClock(CLOCK.instant());
        ClusterNode nodeA = new ClusterNode(stores.cluster, featuresA, "node-a", BEAT, clock, false, () -> same);
        ClusterNode nodeB = new ClusterNode(stores.cluster, featuresB, "node-b", BEAT, clock, false, () -> same);
        ClusterNode nodeC = new ClusterNode(stores.cluster, new FakeFeatures(), "node-c", BEAT, clock, false, () -> {
            reads.incrementAndGet();
            return Map.copyOf(onC);
        });
        for (ClusterNode n : java.util.List.of(nodeA, nodeB, nodeC)) {
            n.beat();
        }
        assertEquals(java.util.List.of(), nodeA.settingDifferences());

        onC.put("etc/ua.igov.platform.calendar.cfg", "k2"); // an operator edits the file on node-c only
        nodeC.beat();
        assertEquals(java.util.List.of(new ua.igov.platform.core.ClusterService.SettingDifference(
                "etc/ua.igov.platform.calendar.cfg", java.util.List.of(java.util.List.of("node-a", "node-b"),
                        java.util.List.of("node-c")))), nodeB.settingDifferences());

        int written = stores.cluster.nodeSettings().size();
        java.time.Instant readAt = stores.cluster.nodeSettings().get(0).readAt();
        clock.advance(BEAT);
        nodeA.beat();
        assertEquals(readAt, stores.cluster.nodeSettings().get(0).readAt(), "unchanged: not written again");
        assertEquals(written, stores.cluster.nodeSettings().size());

        clock.advance(BEAT.multipliedBy(ClusterNode.MISSED_BEATS + 1)); // node-c dies; a and b go on beating
        nodeA.beat();
        nodeB.beat();
        assertEquals(java.util.List.of(), nodeA.settingDifferences(), "a dead node's settings do not count");
        assertTrue(reads.get() >= 2);
    }

    @Test
    void theOperatorDecidesAboutRegionsServicesIdentityProvidersAndChannelsNotThePlatform() {
        for (String plugin : java.util.List.of("igov-region-lviv", "igov-service-residence-registration",
                "igov-identity-dev", "igov-channel-sms-file")) {
            assertTrue(ua.igov.platform.core.ClusterService.isPluginFeature(plugin), plugin);
        }
        for (String other : java.util.List.of("igov-platform", "igov-libraries", "igov-api-docs-ui", "scr", "")) {
            assertFalse(ua.igov.platform.core.ClusterService.isPluginFeature(other), other);
        }
        assertFalse(ua.igov.platform.core.ClusterService.isPluginFeature(null));
    }

    @Test
    void aDecisionOnOneNodeIsAppliedThereAtOnceAndByTheOtherAtItsNextBeat() throws Exception {
        a.beat();
        b.beat();

        assertEquals("done", a.decide("igov-region-lviv", "operator", () -> {
            featuresA.uninstall("igov-region-lviv", "0.1.0");
            return "done";
        }));
        assertEquals(new PluginOnNode("node-a", "igov-region-lviv", "removed", null, null, CLOCK.instant(), true),
                onNode(a.view(), "node-a", "igov-region-lviv"));
        assertTrue(featuresB.installedPlugins().containsKey("igov-region-lviv"), "not before its beat");
        assertFalse(onNode(a.view(), "node-b", "igov-region-lviv").converged(), "the view shows node-b behind");

        b.beat();
        assertFalse(featuresB.installedPlugins().containsKey("igov-region-lviv"));
        assertTrue(onNode(a.view(), "node-b", "igov-region-lviv").converged());

        b.decide("igov-region-lviv", "operator", () -> {
            featuresB.install("igov-region-lviv", null);
            return null;
        });
        a.beat();
        assertEquals("0.1.0", onNode(b.view(), "node-a", "igov-region-lviv").installed());
        assertEquals("0.1.0", onNode(b.view(), "node-a", "igov-region-lviv").desired(), "the version node B installed");
    }

    /**
     * Two operators decide about one plugin on two nodes at once: the one whose decision is stored second is told so
     * (409), and its node follows the other decision at its next beat, like every node. Before, both succeeded and
     * the later silently overwrote the earlier.
     */
    @Test
    void ofTwoDecisionsAtOnceTheLaterIsRefusedAndItsNodeFollowsTheFirst() throws Exception {
        a.beat();
        b.beat();
        ProblemException refused = assertThrows(ProblemException.class, () -> a.decide("igov-region-lviv", "staff:olha",
                () -> {
                    featuresA.uninstall("igov-region-lviv", "0.1.0");
                    // meanwhile, on node B, another operator reinstalls it and B's decision is stored first
                    b.decide("igov-region-lviv", "staff:petro", () -> {
                        featuresB.uninstall("igov-region-lviv", "0.1.0");
                        featuresB.install("igov-region-lviv", null);
                        return null;
                    });
                    return null;
                }));
        assertEquals(409, refused.status());
        assertEquals("changed-meanwhile", refused.type());
        assertEquals("staff:petro", stores.cluster.desiredPlugins().get(0).changedBy(), "the first decision stands");
        assertTrue(stores.cluster.desiredPlugins().get(0).installed());
        a.beat();
        assertTrue(featuresA.installedPlugins().containsKey("igov-region-lviv"), "node A follows it");
    }

    /** Two operators deciding the same at once are both satisfied: the second is not told of a conflict. */
    @Test
    void twoEqualDecisionsAtOnceBothSucceed() throws Exception {
        a.beat();
        b.beat();
        assertEquals("done", a.decide("igov-region-lviv", "staff:olha", () -> {
            featuresA.uninstall("igov-region-lviv", "0.1.0");
            b.decide("igov-region-lviv", "staff:petro", () -> {
                featuresB.uninstall("igov-region-lviv", "0.1.0");
                return null;
            });
            return "done";
        }));
        assertFalse(stores.cluster.desiredPlugins().get(0).installed());
    }

    /** The cluster store, with the database away for the named method only. */
    private ua.igov.platform.store.ClusterStore awayFor(String methodName) {
        return (ua.igov.platform.store.ClusterStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ua.igov.platform.store.ClusterStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals(methodName)) {
                        throw new ua.igov.platform.store.StoreException("the database is away", null);
                    }
                    return method.invoke(stores.cluster, args);
                });
    }

    /**
     * The decision is stored, and only this node's report of what it now has fails: the operator is not told the
     * change failed (every node follows it); the report is made at the next beat.
     */
    @Test
    void aDecisionStoredWhoseReportFailsIsNotAFailure() throws Exception {
        a.beat();
        ClusterNode reportless = new ClusterNode(awayFor("recordNodePlugins"), featuresA, "node-a", BEAT, CLOCK, false);
        reportless.decide("igov-region-lviv", "operator", () -> {
            featuresA.uninstall("igov-region-lviv", "0.1.0");
            return null;
        });
        b.beat();
        assertFalse(featuresB.installedPlugins().containsKey("igov-region-lviv"), "the decision went through");
    }

    /** The decisions cannot be read: nothing is changed, and the operator is told so. */
    @Test
    void withTheDecisionsUnreadableNothingIsChanged() {
        ClusterNode node = new ClusterNode(awayFor("desiredPlugins"), featuresA, "node-a", BEAT, CLOCK, false);
        ProblemException told = assertThrows(ProblemException.class, () -> node.decide("igov-region-lviv", "operator",
                () -> fail("no change is made")));
        assertEquals(503, told.status());
        assertTrue(told.detail().contains("nothing was changed"), told.detail());
        assertTrue(featuresA.installedPlugins().containsKey("igov-region-lviv"));
    }

    /**
     * The operator's change is made on this node, but the database cannot store the decision: the operator is told
     * exactly that, and this node goes back to the recorded decision at its next beat, like every other node.
     */
    @Test
    void aDecisionTheDatabaseCouldNotStoreIsSaidSoAndUndoneAtTheNextBeat() throws Exception {
        a.decide("igov-region-lviv", "operator", () -> {
            featuresA.uninstall("igov-region-lviv", "0.1.0");
            return null;
        });
        ClusterNode sameNode = new ClusterNode(awayFor("desire"), featuresA, "node-a", BEAT, CLOCK, false);
        ProblemException told = assertThrows(ProblemException.class, () -> sameNode.decide("igov-region-lviv", "operator",
                () -> {
                    featuresA.install("igov-region-lviv", null);
                    return null;
                }));
        assertEquals(503, told.status());
        assertTrue(told.detail().contains("goes back to it at its next heartbeat"), told.detail());
        assertTrue(featuresA.installedPlugins().containsKey("igov-region-lviv"), "made here for now");
        a.beat();
        assertFalse(featuresA.installedPlugins().containsKey("igov-region-lviv"), "back to what is recorded");
    }

    @Test
    void aNodeStartedLaterCatchesUpOnItsFirstBeat() throws Exception {
        a.beat();
        a.decide("igov-service-residence-registration", "operator", () -> {
            featuresA.uninstall("igov-service-residence-registration", "0.1.0");
            return null;
        });
        FakeFeatures freshFeatures = new FakeFeatures().with("igov-region-lviv").with("igov-service-residence-registration");
        ClusterNode late = new ClusterNode(stores.cluster, freshFeatures, "node-c", BEAT, CLOCK, false);

        late.beat();

        assertEquals(Set.of("igov-region-lviv"), freshFeatures.installedPlugins().keySet(),
                "the assembly's other plugins stay, the removed one goes");
        ClusterView view = a.view();
        assertEquals(Set.of("node-a", "node-c"), view.nodes().stream().map(NodeView::nodeId).collect(java.util.stream.Collectors.toSet()));
        assertTrue(view.nodes().stream().allMatch(NodeView::alive));
    }

    /** Karaf's features service, over the fake: what a real one answers, without Karaf. */
    private static org.apache.karaf.features.FeaturesService karafOver(FakeFeatures fake) {
        return (org.apache.karaf.features.FeaturesService) java.lang.reflect.Proxy.newProxyInstance(
                ClusterNodeTest.class.getClassLoader(), new Class<?>[] {org.apache.karaf.features.FeaturesService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "listInstalledFeatures" -> fake.installedPlugins().entrySet().stream()
                            .map(e -> feature(e.getKey(), e.getValue())).toArray(org.apache.karaf.features.Feature[]::new);
                    case "installFeature" -> {
                        fake.install((String) args[0], args.length == 3 ? (String) args[1] : null);
                        yield null;
                    }
                    case "uninstallFeature" -> {
                        fake.uninstall((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static org.apache.karaf.features.Feature feature(String name, String version) {
        return (org.apache.karaf.features.Feature) java.lang.reflect.Proxy.newProxyInstance(
                ClusterNodeTest.class.getClassLoader(), new Class<?>[] {org.apache.karaf.features.Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> version;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void whileKarafReplacesItsFeaturesServiceTheNodeBeatsAndPluginDecisionsWait() throws Exception {
        a.beat();
        a.decide("igov-service-residence-registration", "operator", () -> {
            featuresA.uninstall("igov-service-residence-registration", "0.1.0");
            return null;
        });
        FakeFeatures behind = new FakeFeatures().with("igov-region-lviv").with("igov-service-residence-registration");
        KarafFeatureInstaller karaf = new KarafFeatureInstaller();
        ClusterNode node = new ClusterNode(stores.cluster, karaf, "node-c", BEAT, CLOCK, false);
        org.apache.karaf.features.FeaturesService first = karafOver(behind);
        node.bindFeaturesService(first);
        org.apache.karaf.features.FeaturesService second = karafOver(behind);
        node.bindFeaturesService(second); // greedy: the replacement arrives before the old one leaves
        node.unbindFeaturesService(first);
        assertTrue(karaf.available(), "the old one leaving does not take its successor with it");

        node.unbindFeaturesService(second);
        node.beat();
        assertTrue(a.view().nodes().stream().anyMatch(n -> n.nodeId().equals("node-c") && n.alive()),
                "the node beats without it");
        assertTrue(behind.installedPlugins().containsKey("igov-service-residence-registration"), "and changes nothing");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> node.decide("igov-region-lviv", "operator", () -> fail("nothing may be changed")));
        assertEquals(503, refused.status());

        node.bindFeaturesService(karafOver(behind));
        node.beat();
        assertEquals(Set.of("igov-region-lviv"), behind.installedPlugins().keySet(),
                "the decision taken meanwhile is applied once Karaf's service is back");
    }

    /** A feature install can take a minute: meanwhile the node must go on beating, or the others count it as gone. */
    @Test
    void anOperatorsPluginChangeUnderWayDoesNotHoldTheHeartbeat() throws Exception {
        a.beat();
        java.util.concurrent.CountDownLatch installing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Object> change = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                a.decide("igov-service-residence-registration", "operator", () -> {
                    installing.countDown();
                    release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    featuresA.uninstall("igov-service-residence-registration", "0.1.0");
                    return null;
                }));
        try {
            assertTrue(installing.await(10, java.util.concurrent.TimeUnit.SECONDS));
            java.util.concurrent.CompletableFuture<Void> beat = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    b.beat();
                    a.beat();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            beat.get(5, java.util.concurrent.TimeUnit.SECONDS); // before: it waited for the install to end
            assertFalse(change.isDone(), "the change was still under way while the node beat");
            assertTrue(b.view().nodes().stream().filter(n -> n.nodeId().equals("node-a")).allMatch(NodeView::alive));
        } finally {
            release.countDown();
        }
        change.get(10, java.util.concurrent.TimeUnit.SECONDS);
        b.beat();
        assertFalse(featuresB.installedPlugins().containsKey("igov-service-residence-registration"),
                "the decision reached the other node once taken");
    }

    /**
     * A decision taken on another node, which this node's own beat applies: the install (here an uninstall) holds the
     * plugin thread, not the heartbeat, or the others would count this node as gone while it installs.
     */
    @Test
    void applyingAnotherNodesDecisionDoesNotHoldThisNodesHeartbeat() throws Exception {
        java.util.concurrent.CountDownLatch applying = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FakeFeatures slow = new FakeFeatures() {
            @Override
            public void uninstall(String feature, String version) {
                applying.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.uninstall(feature, version);
            }
        }.with("igov-region-lviv").with("igov-service-residence-registration");
        b.beat();
        b.decide("igov-service-residence-registration", "operator", () -> {
            featuresB.uninstall("igov-service-residence-registration", "0.1.0");
            return null;
        });
        ClusterNode c = new ClusterNode(stores.cluster, slow, "node-c", Duration.ofMillis(100), Clock.systemUTC(), true);
        try {
            assertTrue(applying.await(10, java.util.concurrent.TimeUnit.SECONDS), "node-c applies the decision");
            Instant first = heartbeatOf("node-c");
            await("node-c beats while it applies the decision", () -> heartbeatOf("node-c").isAfter(first));
        } finally {
            release.countDown();
            c.stop();
        }
    }

    private Instant heartbeatOf(String node) {
        return stores.cluster.nodes().stream().filter(n -> n.nodeId().equals(node)).findFirst()
                .map(ua.igov.platform.store.NodeRecord::heartbeatAt).orElse(Instant.EPOCH);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aDecisionThisNodeCannotApplyIsNotRecordedForTheOthers() throws Exception {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> a.decide("igov-service-residence-registration", "operator", () -> {
                    throw new Exception("No matching features for igov-service-residence-registration/9.9.9");
                }));
        assertEquals(422, problem.status());
        assertTrue(problem.detail().contains("9.9.9"), problem.detail());
        assertTrue(stores.cluster.desiredPlugins().isEmpty());
        assertEquals(Set.of("0.1.0"), featuresA.installedVersions("igov-service-residence-registration"));
    }

    @Test
    void aNodeThatCannotFollowReportsWhyAndKeepsFollowingTheRest() throws Exception {
        featuresA.available.put("igov-region-kyiv", "0.2.0");
        a.decide("igov-region-kyiv", "operator", () -> {
            featuresA.install("igov-region-kyiv", null);
            return null;
        });
        a.decide("igov-region-lviv", "operator", () -> {
            featuresA.uninstall("igov-region-lviv", "0.1.0");
            return null;
        });

        b.beat();

        PluginOnNode kyivOnB = onNode(a.view(), "node-b", "igov-region-kyiv");
        assertFalse(kyivOnB.converged());
        assertNull(kyivOnB.installed());
        assertTrue(kyivOnB.problem().contains("igov-region-kyiv"), kyivOnB.problem());
        assertFalse(featuresB.installedPlugins().containsKey("igov-region-lviv"), "the other decision was applied");
    }

    /**
     * A decision this node cannot follow is not tried at every beat: after each failure the wait doubles (5 s, 10 s,
     * ...), the problem stays shown meanwhile, and a new decision about the feature is tried at once.
     */
    @Test
    void aDecisionThisNodeCannotFollowIsRetriedLessAndLessOftenUntilItChanges() throws Exception {
        int[] installs = {0};
        FakeFeatures counting = new FakeFeatures() {
            @Override
            public void install(String feature, String version) {
                installs[0]++;
                super.install(feature, version);
            }
        };
        MutableClock clock = new MutableClock(CLOCK.instant());
        ClusterNode nodeC = new ClusterNode(stores.cluster, counting, "node-c", BEAT, clock, false);
        featuresA.available.put("igov-region-kyiv", "0.1.0");
        a.decide("igov-region-kyiv", "operator", () -> {
            featuresA.install("igov-region-kyiv", null);
            return null;
        }); // node-c's runtime has no such feature
        for (int second = 0; second <= 40; second += 5) { // beats at 0, 5, ..., 40 s
            nodeC.beat();
            assertTrue(onNode(nodeC.view(), "node-c", "igov-region-kyiv").problem().contains("igov-region-kyiv"));
            clock.advance(BEAT);
        }
        assertEquals(4, installs[0], "tried at 0, 5, 15 and 35 s, not at each of the 9 beats");

        counting.available.put("igov-region-kyiv", "0.1.0"); // the runtime gets it, and the operator decides again
        ClusterNode nodeAnow = new ClusterNode(stores.cluster, featuresA, "node-a", BEAT, clock, false);
        nodeAnow.decide("igov-region-kyiv", "operator", () -> {
            featuresA.uninstall("igov-region-kyiv", "0.1.0");
            featuresA.install("igov-region-kyiv", null);
            return null;
        });
        clock.advance(java.time.Duration.ofSeconds(1));
        nodeC.beat();
        assertEquals(java.util.Set.of("0.1.0"), counting.installedVersions("igov-region-kyiv"), "a new decision: at once");
        assertNull(onNode(nodeC.view(), "node-c", "igov-region-kyiv").problem());
    }

    @Test
    void anUpdateOnOneNodeIsAnUpdateOnTheOthers() throws Exception {
        featuresA.available.put("igov-service-residence-registration", "0.2.0");
        featuresB.available.put("igov-service-residence-registration", "0.2.0");
        a.decide("igov-service-residence-registration", "operator", () -> {
            featuresA.install("igov-service-residence-registration", "0.2.0");
            featuresA.uninstall("igov-service-residence-registration", "0.1.0");
            return null;
        });

        b.beat();

        assertEquals(Set.of("0.2.0"), featuresB.installedVersions("igov-service-residence-registration"),
                "the new version in, the old one out");
    }

    @Test
    void aNodeGoneSilentIsShownNotAlive() throws Exception {
        a.beat();
        ClusterNode later = new ClusterNode(stores.cluster, new FakeFeatures(), "node-b",
                BEAT, Clock.offset(CLOCK, BEAT.multipliedBy(ClusterNode.MISSED_BEATS + 1)), false);
        later.beat();

        Map<String, Boolean> alive = new TreeMap<>();
        later.view().nodes().forEach(n -> alive.put(n.nodeId(), n.alive()));
        assertEquals(Map.of("node-a", false, "node-b", true), alive);
    }

    /** Each node is judged by its own interval: one set to beat every 30 s is alive 20 s after its beat. */
    @Test
    void aNodeThatBeatsLessOftenIsJudgedByItsOwnInterval() throws Exception {
        new ClusterNode(stores.cluster, new FakeFeatures(), "node-slow", Duration.ofSeconds(30), CLOCK, false).beat();
        ClusterNode soon = new ClusterNode(stores.cluster, new FakeFeatures(), "node-b", BEAT,
                Clock.offset(CLOCK, Duration.ofSeconds(20)), false);
        soon.beat();
        assertTrue(soon.view().nodes().stream().filter(n -> n.nodeId().equals("node-slow")).allMatch(NodeView::alive),
                "three of its own beats have not passed; three of node-b's have");
        ClusterNode late = new ClusterNode(stores.cluster, new FakeFeatures(), "node-b", BEAT,
                Clock.offset(CLOCK, Duration.ofSeconds(91)), false);
        late.beat();
        assertTrue(late.view().nodes().stream().filter(n -> n.nodeId().equals("node-slow")).noneMatch(NodeView::alive),
                "three of its own beats missed");
    }

    private static PluginOnNode onNode(ClusterView view, String node, String feature) {
        return view.plugins().stream().filter(p -> p.node().equals(node) && p.feature().equals(feature)).findFirst()
                .orElseThrow(() -> new AssertionError(node + " reports nothing about " + feature + ": " + view));
    }
}
