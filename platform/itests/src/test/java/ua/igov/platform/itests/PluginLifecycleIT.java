package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import ua.igov.platform.itests.plugins.future.FutureService;
import ua.igov.platform.itests.plugins.hanging.HangingService;
import ua.igov.platform.itests.plugins.throwing.ThrowingService;
import ua.igov.platform.itests.plugins.versioned.v1.VersionedService;
import ua.igov.platform.itests.support.TestPlugins;

/**
 * The safe plugin lifecycle, in the real assembly: a plugin that throws, one that hangs, one built for another SPI,
 * an update while applications are in flight, and an uninstall with applications open. Each test installs its own
 * plugin (built by {@link TestPlugins} before Karaf starts) and leaves the runtime as it found it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT extends PlatformTestSupport {

    static final String THROWING = "ua.igov.itests.throwing";
    static final String HANGING = "ua.igov.itests.hanging";
    static final String FUTURE = "ua.igov.itests.future";
    static final String VERSIONED = "ua.igov.itests.versioned";
    static final String VERSIONED_FEATURE = "igov-service-test-versioned";
    static final String CORE_PID = "ua.igov.platform.core";
    static final String NODE_PID = "ua.igov.platform.node";
    static final long TIMEOUT_MILLIS = 2000;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        File dir = new File(new File(System.getProperty("igov.examDir")).getParentFile(), "test-plugins");
        File v1 = TestPlugins.build(dir, VERSIONED, "1.0.0", VersionedService.class, TestPlugins.SPI_1);
        File v2 = TestPlugins.build(dir, VERSIONED, "2.0.0",
                ua.igov.platform.itests.plugins.versioned.v2.VersionedService.class, TestPlugins.SPI_1);
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(plugin("throwing", TestPlugins.build(dir, THROWING, "1.0.0", ThrowingService.class, TestPlugins.SPI_1)));
        options.add(plugin("hanging", TestPlugins.build(dir, HANGING, "1.0.0", HangingService.class, TestPlugins.SPI_1)));
        options.add(plugin("future", TestPlugins.build(dir, FUTURE, "1.0.0", FutureService.class, TestPlugins.SPI_2)));
        options.add(plugin("unmade", TestPlugins.build(dir, "ua.igov.test.unmade", "1.0.0",
                ua.igov.platform.itests.plugins.unmade.UnmadeService.class, TestPlugins.SPI_1)));
        options.add(plugin("versioned1", TestPlugins.featureRepository(dir, VERSIONED_FEATURE, "1.0.0", v1)));
        options.add(plugin("versioned2", TestPlugins.featureRepository(dir, VERSIONED_FEATURE, "2.0.0", v2)));
        return options.toArray(new Option[0]);
    }

    private static Option plugin(String name, File file) {
        return editConfigurationFilePut("etc/system.properties", "igov.test.plugin." + name, file.toURI().toString());
    }

    private static String location(String name) {
        return System.getProperty("igov.test.plugin." + name);
    }

    private String taras() {
        return citizen("taras");
    }

    private Answer act(String trackingNumber, String action, String who) {
        return post("/applications/" + trackingNumber + "/actions/" + action, "{}", who);
    }

    private static String form(String json) {
        return "{\"region\": \"dnipropetrovsk\", \"placeId\": 1, \"form\": " + json + "}";
    }

    private Bundle install(String name) throws Exception {
        Bundle bundle = bundleContext.installBundle(location(name));
        bundle.start();
        return bundle;
    }

    /**
     * A plugin whose service object cannot be made (a Declarative Services component whose constructor throws) is
     * listed as refused, saying so, instead of being neither served nor listed.
     */
    @Test
    public void aPluginWhoseServiceCannotBeMadeIsListedAsRefused() throws Exception {
        awaitPlatform();
        Bundle plugin = install("unmade");
        try {
            await("listed as refused", () -> {
                try {
                    return console("platform:plugins").lines().anyMatch(l -> l.startsWith("REFUSED ua.igov.test.unmade")
                            && l.contains("its component could not be made"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(200, get("/health").status());
        } finally {
            plugin.uninstall();
        }
        await("no longer listed once removed", () -> {
            try {
                return !console("platform:plugins").contains("ua.igov.test.unmade");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- a) a handler that throws ---------------------------------------------------------------------------

    @Test
    public void aThrowingPluginFailsOnlyItsOwnApplicationsWithAClearProblem() throws Exception {
        awaitPlatform();
        try (StoppedBundles stopped = new StoppedBundles(THROWING)) {
            Bundle plugin = install("throwing");
            try {
                awaitStatus("/services/" + ThrowingService.CODE + "/form", 200);

                Answer failed = post("/services/test-throwing/applications", form("{\"name\": \"boom\"}"), taras());
                assertEquals(failed.body(), 502, failed.status());
                assertEquals("application/problem+json", failed.contentType());
                assertEquals("urn:igov:problem:plugin-failed", failed.json().get("type").asText());
                assertTrue("the citizen reads which service failed", failed.json().get("detail").asText().contains("test-throwing"));
                assertEquals("nothing was written", 0, applicationsOf(ThrowingService.CODE));

                // the rest of the platform does not notice
                assertEquals(200, get("/health").status());
                assertEquals(201, post("/services/residence-registration/applications", PlatformIT.APPLICATION, taras()).status());

                // its decision hook throws too: the application stays approved, and its history says why
                Answer ok = post("/services/test-throwing/applications", form("{\"name\": \"Тарас\"}"), taras());
                assertEquals(ok.body(), 201, ok.status());
                String n = ok.json().get("trackingNumber").asText();
                assertEquals(200, act(n, "claim", staff("olena")).status());
                assertEquals(200, act(n, "approve", staff("olena")).status());
                Answer issue = act(n, "issue", staff("olena"));
                assertEquals(issue.body(), 502, issue.status());
                assertEquals("urn:igov:problem:plugin-failed", issue.json().get("type").asText());

                JsonNode seen = get("/applications/" + n, taras()).json();
                assertEquals("approved", seen.get("status").asText());
                JsonNode last = seen.get("history").get(seen.get("history").size() - 1);
                assertEquals("issue-failed", last.get("action").asText());
                assertTrue(last.toString(), last.get("note").asText().contains("could not be issued"));
                assertEquals("[\"issue\"]", get("/applications/" + n, staff("olena")).json().get("actions").toString());
                String console = console("platform:application " + n);
                assertTrue("the operator sees it too: " + console, console.contains("could not be issued"));
            } finally {
                plugin.uninstall();
            }
            awaitStatus("/services/" + ThrowingService.CODE + "/form", 404);
            assertEquals("no other bundle was stopped or refreshed", List.of(), stopped.others());
        }
    }

    // ---- b) a handler that hangs ----------------------------------------------------------------------------

    @Test
    public void aHangingPluginIsCutOffByTheConfiguredTimeoutWhileOthersServe() throws Exception {
        awaitPlatform();
        Bundle plugin = install("hanging");
        Configuration core = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class))
                .getConfiguration(CORE_PID, null);
        Dictionary<String, Object> before = core.getProperties();
        try {
            awaitStatus("/services/" + HangingService.CODE + "/form", 200);
            Dictionary<String, Object> shortTimeout = new Hashtable<>();
            if (before != null) {
                java.util.Collections.list(before.keys()).forEach(k -> shortTimeout.put(k, before.get(k)));
            }
            shortTimeout.put("pluginTimeoutMillis", TIMEOUT_MILLIS);
            core.update(shortTimeout);

            // the new timeout applies to the next call once Config Admin has delivered it: poll for a cut-off in ~2 s
            String citizen = taras();
            long[] took = new long[1];
            await("a hanging submission cut off after about two seconds", () -> {
                long start = System.nanoTime();
                Answer cut = post("/services/test-hanging/applications", form("{\"name\": \"hang\"}"), citizen);
                took[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(cut.contentType() + " " + cut.body(), 504, cut.status());
                assertEquals("urn:igov:problem:plugin-timeout", cut.json().get("type").asText());
                return took[0] < 4500; // the default 5 s would not be

            });
            assertTrue("bounded by the configured timeout, not the plugin's 20 s: " + took[0] + " ms",
                    took[0] >= TIMEOUT_MILLIS - 100);
            assertEquals("nothing was written", 0, applicationsOf(HangingService.CODE));

            // while one request hangs, other services answer at once
            java.util.Set<Thread> hungBefore = threadsInsideTheHangingPlugin(); // the call cut off above may still hang
            CompletableFuture<Answer> hanging = CompletableFuture.supplyAsync(() ->
                    post("/services/test-hanging/applications", form("{\"name\": \"hang\"}"), citizen));
            await("the hanging plugin's code is running for this request", () -> threadsInsideTheHangingPlugin()
                    .stream().anyMatch(thread -> !hungBefore.contains(thread)));
            long start = System.nanoTime();
            assertEquals(201, post("/services/residence-registration/applications", PlatformIT.APPLICATION, citizen).status());
            assertEquals(200, get("/health").status());
            long other = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse("the other requests were served while the plugin hung", hanging.isDone());
            assertEquals(504, hanging.get(10, TimeUnit.SECONDS).status());
            assertTrue("another service waited " + other + " ms", other < TIMEOUT_MILLIS);

            // and the hanging plugin answers whoever does not trigger the hang
            assertEquals(201, post("/services/test-hanging/applications", form("{\"name\": \"Тарас\"}"), citizen).status());
        } finally {
            core.update(before == null ? new Hashtable<>() : before);
            plugin.uninstall();
        }
    }

    // ---- b2) the API stops while a request is under way -----------------------------------------------------

    /**
     * Editing a node's settings restarts the cluster node, which the API no longer stops for. Restarting the REST
     * bundle (an operator's {@code bundle:restart}) does stop the API: a request under way must still get its own
     * answer (here the plugin's time-out), not an empty 500 from a Jersey torn down under it, and the next request is
     * served by the API's successor.
     */
    @Test
    public void aRequestUnderWayWhenTheApiRestartsGetsItsOwnAnswer() throws Exception {
        awaitPlatform();
        Bundle plugin = install("hanging");
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration node = admin.getConfiguration(NODE_PID, null);
        Dictionary<String, Object> before = node.getProperties();
        try {
            awaitStatus("/services/" + HangingService.CODE + "/form", 200);
            String citizen = taras();
            int storedBefore = applicationsOf(HangingService.CODE);

            long apiBefore = apiServletServiceId();
            long nodeBefore = serviceId("ua.igov.platform.core.ClusterService", null);
            CompletableFuture<Answer> underWay = hangingRequest(citizen);
            Dictionary<String, Object> changed = new Hashtable<>();
            if (before != null) {
                java.util.Collections.list(before.keys()).forEach(k -> changed.put(k, before.get(k)));
            }
            changed.put("heartbeatSeconds", 7);
            node.update(changed);
            await("the cluster node restarted with its new settings", () -> {
                long now = serviceId("ua.igov.platform.core.ClusterService", null);
                return now != -1 && now != nodeBefore;
            });
            assertTimedOut(underWay.get(30, TimeUnit.SECONDS));
            assertEquals("the API did not stop for the node's new settings", apiBefore, apiServletServiceId());

            Bundle rest = java.util.Arrays.stream(bundleContext.getBundles())
                    .filter(b -> "ua.igov.platform.igov-rest".equals(b.getSymbolicName())).findFirst().orElseThrow();
            underWay = hangingRequest(citizen);
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                try {
                    rest.stop(); // returns once the request under way has its answer
                    rest.start();
                } catch (BundleException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("the REST API stopped and started again", () -> {
                long now = apiServletServiceId();
                return now != -1 && now != apiBefore;
            });
            assertTimedOut(underWay.get(30, TimeUnit.SECONDS));
            restart.get(30, TimeUnit.SECONDS);
            assertEquals("nothing was written", storedBefore, applicationsOf(HangingService.CODE));
            Answer next = awaitStatus("/services/" + HangingService.CODE + "/form", 200);
            assertTrue(next.body(), next.json().has("properties"));
        } finally {
            node.update(before == null ? new Hashtable<>() : before);
            plugin.uninstall();
        }
    }

    /** A submission that hangs in the plugin, started once the plugin's code runs for it. */
    private CompletableFuture<Answer> hangingRequest(String citizen) {
        java.util.Set<Thread> hungBefore = threadsInsideTheHangingPlugin();
        CompletableFuture<Answer> underWay = CompletableFuture.supplyAsync(() ->
                post("/services/test-hanging/applications", form("{\"name\": \"hang\"}"), citizen));
        await("the request is inside the plugin", () -> threadsInsideTheHangingPlugin().stream()
                .anyMatch(thread -> !hungBefore.contains(thread)));
        return underWay;
    }

    private static void assertTimedOut(Answer answer) {
        assertEquals(answer.contentType() + " " + answer.body(), 504, answer.status());
        assertEquals("urn:igov:problem:plugin-timeout", answer.json().get("type").asText());
    }

    /** The service id of the REST API's servlet, -1 while none is registered. */
    private long apiServletServiceId() {
        return serviceId("javax.servlet.Servlet", "(osgi.http.whiteboard.servlet.name=igov-api)");
    }

    /** The service id of the service registered as {@code clazz} (matching {@code filter}), -1 while there is none. */
    private long serviceId(String clazz, String filter) {
        try {
            org.osgi.framework.ServiceReference<?>[] found = bundleContext.getServiceReferences(clazz, filter);
            return found == null ? -1 : (Long) found[0].getProperty("service.id");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- c) a plugin built for another SPI -----------------------------------------------------------------

    @Test
    public void aPluginBuiltForAnotherSpiIsRefusedWithAClearMessage() throws Exception {
        awaitPlatform();
        try (StoppedBundles stopped = new StoppedBundles(FUTURE)) {
            Bundle plugin = bundleContext.installBundle(location("future"));
            try {
                try {
                    plugin.start();
                    fail("a plugin for SPI 2 cannot start on SPI 1");
                } catch (BundleException expected) {
                    assertEquals(Bundle.INSTALLED, plugin.getState());
                }
                String plugins = console("platform:plugins");
                assertTrue(plugins, plugins.contains("REFUSED " + FUTURE + " 1.0.0"));
                assertTrue(plugins, plugins.contains("ua.igov.platform.spi [2.0.0,3.0.0)")
                        && plugins.contains("this platform exports 1.6.0"));
                JsonNode refused = null;
                for (JsonNode p : JSON.readTree(console("platform:plugins --json"))) {
                    if (FUTURE.equals(p.get("bundle").asText())) {
                        refused = p;
                    }
                }
                assertEquals("refused", refused.get("state").asText());

                String doctor = console("platform:doctor");
                assertTrue(doctor, doctor.contains("plugin " + FUTURE) && doctor.contains("REFUSED: built for plugin SPI"));
                assertTrue("the doctor fails: " + doctor, doctor.contains("1 check(s) failed"));

                String log = console("log:display");
                assertTrue("the log says it too", log.contains("Plugin " + FUTURE + " 1.0.0 refused: built for plugin SPI"));

                // nothing else is disturbed
                assertEquals(200, get("/health").status());
                assertEquals(404, get("/services/test-future/form").status());
                assertEquals(201, post("/services/residence-registration/applications", PlatformIT.APPLICATION, taras()).status());
            } finally {
                plugin.uninstall();
            }
            assertFalse(console("platform:plugins").contains("REFUSED"));
            assertEquals(List.of(), stopped.others());
        }
    }

    // ---- d) update while applications are in flight ------------------------------------------------------

    @Test
    public void anUpdateLeavesApplicationsInFlightOnTheirFormAndWorkflow() throws Exception {
        awaitPlatform();
        URI v1 = URI.create(location("versioned1"));
        URI v2 = URI.create(location("versioned2"));
        features.addRepository(v1);
        try (StoppedBundles stopped = new StoppedBundles(VERSIONED)) {
            assertTrue(console("platform:plugin-install " + VERSIONED_FEATURE).contains(VERSIONED_FEATURE + " 1.0.0 installed"));
            awaitStatus("/services/test-versioned/form", 200);
            assertEquals("a service without hints says so", "urn:igov:problem:no-ui-hints",
                    get("/services/test-versioned/ui-hints").json().get("type").asText());
            Answer old = post("/services/test-versioned/applications", form("{\"name\": \"Тарас\"}"), taras());
            assertEquals(old.body(), 201, old.status());
            String inFlight = old.json().get("trackingNumber").asText();
            assertEquals("[\"verify\"]", get("/applications/" + inFlight, staff("oksana")).json().get("actions").toString());

            // the new release arrives and the operator updates
            features.addRepository(v2);
            String update = console("platform:plugin-update " + VERSIONED_FEATURE);
            assertTrue(update, update.contains("updated from 1.0.0 to 2.0.0"));
            await("version 2's form", () -> get("/services/test-versioned/form").body().contains("phone"));

            // new applications use v2's form and workflow
            Answer noPhone = post("/services/test-versioned/applications", form("{\"name\": \"Тарас\"}"), taras());
            assertEquals(noPhone.body(), 422, noPhone.status());
            Answer fresh = post("/services/test-versioned/applications",
                    form("{\"name\": \"Тарас\", \"phone\": \"+380501234567\"}"), taras());
            assertEquals(fresh.body(), 201, fresh.status());
            JsonNode freshView = get("/applications/" + fresh.json().get("trackingNumber").asText(), staff("olena")).json();
            assertEquals("2.0", freshView.get("formVersion").asText());
            assertEquals("[\"claim\"]", freshView.get("actions").toString());

            // the one in flight finishes on v1's form and v1's workflow
            JsonNode oldView = get("/applications/" + inFlight, staff("oksana")).json();
            assertEquals("1.0", oldView.get("formVersion").asText());
            assertEquals("Тарас", oldView.get("form").get("name").asText());
            assertEquals("[\"verify\"]", oldView.get("actions").toString());
            Answer v2Step = act(inFlight, "claim", staff("olena"));
            assertEquals("v2's steps are not this application's: " + v2Step.body(), 404, v2Step.status());
            assertEquals(200, act(inFlight, "verify", staff("oksana")).status());
            assertEquals(200, act(inFlight, "approve", staff("olena")).status());
            Answer issued = act(inFlight, "issue", staff("olena"));
            assertEquals(issued.body(), 200, issued.status());
            assertEquals("issued", issued.json().get("status").asText());

            JsonNode listed = null;
            for (JsonNode p : JSON.readTree(console("platform:plugins --json"))) {
                if (p.get("id").asText().equals("test-versioned")) {
                    listed = p;
                }
            }
            assertNotNull("the console lists the plugin", listed);
            assertEquals("the console shows the version served", "2.0.0", listed.get("version").asText());
            assertTrue(listed.toString(), listed.get("contributes").asText().startsWith("form 2.0, default workflow"));
            assertEquals("no other bundle was stopped or refreshed", List.of(), stopped.others());
        } finally {
            console("platform:plugin-uninstall " + VERSIONED_FEATURE);
            features.removeRepository(v2);
            features.removeRepository(v1);
        }
    }

    // ---- e) uninstall with open applications --------------------------------------------------------------

    @Test
    public void applicationsOfAnUninstalledPluginStayReadableAndResumeWhenItReturns() throws Exception {
        awaitPlatform();
        Answer created = post("/services/residence-registration/applications", PlatformIT.APPLICATION, taras());
        String n = created.json().get("trackingNumber").asText();
        assertEquals(200, act(n, "claim", staff("olena")).status());
        try (StoppedBundles stopped = new StoppedBundles(PlatformIT.SERVICE_BUNDLE)) {
            assertTrue(console("platform:plugin-uninstall " + SERVICE_FEATURE).contains("uninstalled"));
            awaitStatus("/services/residence-registration/form", 404);

            JsonNode citizenView = get("/applications/" + n, taras()).json();
            assertEquals("in_review", citizenView.get("status").asText());
            assertEquals("Шевченко", citizenView.get("form").get("applicant").get("lastName").asText());
            JsonNode officialView = get("/applications/" + n, staff("olena")).json();
            assertEquals("in_review", officialView.get("status").asText());
            assertEquals("no step is offered while the plugin is away", "[]", officialView.get("actions").toString());
            Answer waiting = act(n, "approve", staff("olena"));
            assertEquals(waiting.body(), 503, waiting.status());
            assertEquals("urn:igov:problem:service-not-installed", waiting.json().get("type").asText());
            assertTrue(console("platform:application " + n).contains("in_review"));

            assertTrue(console("platform:plugin-install " + SERVICE_FEATURE).contains("installed"));
            awaitStatus("/services/residence-registration/form", 200);
            assertTrue(get("/applications/" + n, staff("olena")).json().get("actions").toString().contains("approve"));
            Answer approved = act(n, "approve", staff("olena"));
            assertEquals(approved.body(), 200, approved.status());
            assertEquals("approved", approved.json().get("status").asText());
            assertEquals(List.of(), stopped.others());
        } finally {
            if (!features.isInstalled(features.getFeature(SERVICE_FEATURE))) {
                installFeature(SERVICE_FEATURE);
            }
        }
    }

    /** The runtime's threads inside the hanging test plugin's code now. */
    private static java.util.Set<Thread> threadsInsideTheHangingPlugin() {
        java.util.Set<Thread> inside = new java.util.HashSet<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (java.util.Arrays.stream(stack).anyMatch(frame -> frame.getClassName()
                    .startsWith(HangingService.class.getName()))) {
                inside.add(thread);
            }
        });
        return inside;
    }
}
