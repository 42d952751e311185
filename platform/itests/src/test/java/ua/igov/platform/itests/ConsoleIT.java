package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every {@code platform:} command run as an operator runs it, as a table and with {@code --json}, and Karaf's own
 * {@code bundle:}, {@code feature:}, {@code log:} and {@code jdbc:} commands on the same runtime.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT extends PlatformTestSupport {

    private String submit() {
        Answer created = post("/services/residence-registration/applications", PlatformIT.APPLICATION, citizen("taras"));
        assertEquals(created.body(), 201, created.status());
        return created.json().get("trackingNumber").asText();
    }

    @Test
    public void pluginsShowVersionStateAndWhatEachContributes() throws Exception {
        awaitPlatform();
        String table = console("platform:plugins");
        assertTrue(table, table.contains("State") && table.contains("Contributes"));
        assertTrue(table, table.contains("offerings of") && table.contains("form 1.2, own workflow, for catalogue services [47]"));
        JsonNode plugins = JSON.readTree(console("platform:plugins --json"));
        int regions = 0;
        for (JsonNode p : plugins) {
            assertEquals(p.toString(), "active", p.get("state").asText());
            assertFalse(p.toString(), p.get("version").asText().isEmpty());
            if (p.get("kind").asText().equals("region")) {
                regions++;
            }
            if (p.get("id").asText().equals("residence-registration")) {
                assertEquals(PlatformIT.SERVICE_BUNDLE, p.get("bundle").asText());
                assertTrue(p.get("contributes").asText().contains("catalogue services [29]"));
            }
        }
        assertEquals(27, regions);
    }

    @Test
    public void pluginInstallUpdateAndUninstallSayWhatTheyDid() throws Exception {
        awaitPlatform();
        awaitStatus("/regions/sumy/services", 200);
        try (StoppedBundles stopped = new StoppedBundles("ua.igov.platform.igov-region-sumy")) {
            String installedAlready = console("platform:plugin-install igov-region-sumy");
            assertTrue(installedAlready, installedAlready.contains("is already installed"));
            String same = console("platform:plugin-update igov-region-sumy");
            assertTrue(same, same.contains("is already at version"));
            String noSuchVersion = console("platform:plugin-update igov-region-sumy 9.9.9");
            assertTrue(noSuchVersion, noSuchVersion.contains("no version 9.9.9 of igov-region-sumy is known"));

            JsonNode decision = JSON.readTree(console("platform:plugin-uninstall --json igov-region-sumy"));
            assertFalse(decision.get("node").asText().isEmpty());
            JsonNode removed = decision.get("change");
            assertEquals("uninstall", removed.get("action").asText());
            assertTrue(removed.get("outcome").asText().contains("uninstalled"));
            awaitStatus("/regions/sumy/services", 404);
            String notInstalled = console("platform:plugin-update igov-region-sumy");
            assertTrue(notInstalled, notInstalled.contains("is not installed; plugin-install installs it"));

            JsonNode added = JSON.readTree(console("platform:plugin-install --json igov-region-sumy")).get("change");
            assertEquals(removed.get("fromVersion").asText(), added.get("toVersion").asText());
            awaitStatus("/regions/sumy/services", 200);
            assertTrue(console("platform:plugin-uninstall no-such-thing").contains("not a plugin feature"));
            assertEquals("no other bundle was stopped or refreshed", java.util.List.of(), stopped.others());
        } finally {
            if (!features.isInstalled(features.getFeature("igov-region-sumy"))) {
                installFeature("igov-region-sumy");
            }
        }
    }

    /** After fixing what failed them, an operator sends what waits for a retry without waiting out the back-off. */
    @Test
    public void waitingNotificationsAreSentNowOnRequest() throws Exception {
        awaitPlatform();
        String all = console("platform:outbox --send-all-now");
        assertTrue(all, all.contains("0 waiting message(s) go out at the next delivery round"));
        assertEquals(0, JSON.readTree(console("platform:outbox --send-all-now --json")).get("messages").asInt());
        String none = console("platform:outbox --send-now 987654");
        assertTrue(none, none.contains("Error executing command") && none.contains("message 987654 is not waiting for a retry"));
        String both = console("platform:outbox --send-now 1 --send-all-now");
        assertTrue(both, both.contains("at a time"));
        String retryToo = console("platform:outbox --retry 1 --send-all-now");
        assertTrue(retryToo, retryToo.contains("at a time"));
    }

    /** As the operator's guide says: the development SMS channel is removed like any plugin, for every node. */
    @Test
    public void aNotificationChannelIsAPluginLikeAnyOther() throws Exception {
        awaitPlatform();
        String channel = "igov-channel-sms-file";
        try {
            JsonNode removed = JSON.readTree(console("platform:plugin-uninstall --json " + channel)).get("change");
            assertEquals("uninstall", removed.get("action").asText());
            assertFalse(features.isInstalled(features.getFeature(channel)));
            String nodes = console("platform:plugins --nodes");
            assertTrue(nodes, nodes.lines().anyMatch(line -> line.contains(channel) && line.contains("removed")));
            JsonNode added = JSON.readTree(console("platform:plugin-install --json " + channel)).get("change");
            assertEquals(removed.get("fromVersion").asText(), added.get("toVersion").asText());
            assertTrue(features.isInstalled(features.getFeature(channel)));
        } finally {
            if (!features.isInstalled(features.getFeature(channel))) {
                installFeature(channel);
            }
        }
    }

    @Test
    public void catalogueCommandsAnswerAsTablesAndJson() throws Exception {
        awaitPlatform();
        awaitStatus("/regions/lviv/services", 200);
        String regions = console("platform:regions");
        assertTrue(regions, regions.contains("lviv") && regions.contains("Львівська область"));
        JsonNode services = JSON.readTree(console("platform:services --json --region dnipropetrovsk --status online реєстрація"));
        assertTrue(services.toString(), services.get("total").asInt() > 0);
        for (JsonNode s : services.get("items")) {
            assertEquals("dnipropetrovsk", s.get("region").asText());
            assertEquals("online", s.get("availability").asText());
        }
    }

    @Test
    public void applicationAndAuditVerifyReadTheDatabase() throws Exception {
        awaitPlatform();
        String n = submit();
        JsonNode app = JSON.readTree(console("platform:application --json " + n));
        assertEquals(n, app.get("trackingNumber").asText());
        assertEquals("submitted", app.get("status").asText());
        assertEquals("1.5", app.get("formVersion").asText());
        assertTrue(app.toString(), app.get("dueAt").asText().endsWith("Z") && !app.get("overdue").asBoolean());
        assertTrue(app.get("authorityId").asInt() > 0);
        String text = console("platform:application " + n);
        assertTrue(text, text.contains("not claimed") && text.contains(", due " + app.get("dueAt").asText()));
        String unknown = console("platform:application 1-99999999-9");
        assertTrue(unknown, unknown.contains("Error executing command"));
        String trail = console("platform:audit-trail " + n);
        assertTrue("the console's reads of the history are on the record: " + trail,
                trail.contains("read-personal-data") && trail.contains("status and history, on the console"));

        JsonNode audit = JSON.readTree(console("platform:audit-verify --json"));
        assertTrue(audit.toString(), audit.get("intact").asBoolean());
        assertTrue(audit.get("entries").asInt() >= 1);
    }

    /**
     * The doctor is what an operator runs when the platform did not come up: with the store stopped (as after a
     * failed migration) it still answers, says which checks cannot be made, and the plugins are still listed.
     */
    @Test
    public void theDoctorAnswersWhenTheStoreIsDown() throws Exception {
        awaitPlatform();
        org.osgi.framework.Bundle store = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "ua.igov.platform.igov-store".equals(b.getSymbolicName())).findFirst().orElseThrow();
        store.stop();
        try {
            String doctor = console("platform:doctor --json");
            assertFalse(doctor, doctor.startsWith("Error"));
            JsonNode checks = JSON.readTree(doctor);
            java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
            checks.forEach(c -> byName.put(c.get("check").asText(), c));
            assertFalse(doctor, byName.get("migrations").get("ok").asBoolean());
            assertTrue(doctor, byName.get("migrations").get("detail").asText().contains("not running"));
            assertFalse(doctor, byName.get("notification outbox").get("ok").asBoolean());
            assertTrue("the data source itself is checked: " + doctor, byName.containsKey("data source"));
            String table = console("platform:doctor");
            assertTrue(table, table.contains("migrations") && table.contains("check(s) failed"));
            String plugins = console("platform:plugins");
            assertFalse(plugins, plugins.contains("Command not found"));
            String nodes = console("platform:plugins --nodes");
            assertTrue(nodes, nodes.contains("did not start"));
            String outbox = console("platform:outbox");
            assertTrue("the others say what they lack: " + outbox, outbox.contains("needs OutboxStore, which is not running"));

            // the store told to use another data source: the doctor checks that one, the store's, not the default
            org.osgi.service.cm.Configuration storeConfig = bundleContext.getService(bundleContext.getServiceReference(
                    org.osgi.service.cm.ConfigurationAdmin.class)).getConfiguration("ua.igov.platform.store", null);
            java.util.Dictionary<String, Object> target = new java.util.Hashtable<>();
            target.put("dataSource.target", "(dataSourceName=igov-elsewhere)");
            storeConfig.update(target);
            try {
                await("the doctor looks for the store's data source", () -> {
                    try {
                        return console("platform:doctor").contains("no DataSource (dataSourceName=igov-elsewhere)");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                storeConfig.delete();
            }
        } finally {
            store.start();
        }
        awaitPlatform();
    }

    @Test
    public void doctorChecksDataSourceMigrationsAuditAndPlugins() throws Exception {
        awaitPlatform();
        String doctor = console("platform:doctor");
        assertFalse(doctor, doctor.contains("Error executing command"));
        JsonNode checks = JSON.readTree(console("platform:doctor --json"));
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        checks.forEach(c -> byName.put(c.get("check").asText(), c));
        assertTrue(byName.get("data source").toString(), byName.get("data source").get("ok").asBoolean());
        assertTrue(byName.get("data source").get("detail").asText().contains("Apache Derby"));
        assertEquals("every changeset of the changelog has run", byName.get("migrations").get("detail").asText());
        assertTrue(byName.get("audit trail").get("ok").asBoolean());
        assertTrue(byName.containsKey("plugin " + PlatformIT.SERVICE_BUNDLE));
        checks.forEach(c -> assertTrue(c.toString(), c.get("ok").asBoolean()));
        assertTrue("the demo's default link is one no citizen can open: " + byName.get("status link"),
                byName.get("status link").get("warning").asBoolean()
                        && byName.get("status link").get("detail").asText().contains("http://localhost:8181/"));
        assertTrue(doctor, doctor.lines().anyMatch(l -> l.startsWith("status link") && l.contains("| warn |")));

        // an operator sets the portal's address (etc/ua.igov.platform.core.cfg): the warning goes, without a restart
        org.osgi.service.cm.Configuration core = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class)).getConfiguration("ua.igov.platform.core", null);
        java.util.Dictionary<String, Object> before = core.getProperties();
        try {
            java.util.Dictionary<String, Object> portal = new java.util.Hashtable<>();
            if (before != null) {
                java.util.Collections.list(before.keys()).forEach(k -> portal.put(k, before.get(k)));
            }
            portal.put("statusLink", "https://igov.example.gov.ua/status/{trackingNumber}");
            core.update(portal);
            await("the doctor sees the portal's address", () -> {
                JsonNode now;
                try {
                    now = JSON.readTree(console("platform:doctor --json"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (JsonNode c : now) {
                    if (c.get("check").asText().equals("status link")) {
                        return !c.get("warning").asBoolean() && c.get("detail").asText().contains("igov.example.gov.ua");
                    }
                }
                return false;
            });
        } finally {
            if (before == null) {
                core.delete();
            } else {
                core.update(before);
            }
        }
    }

    /**
     * Guessing a staff password over the API: the limit's worth of wrong passwords are 401s, then the account is
     * locked (429 with Retry-After, not even checked); the console lists the lock and an operator lifts it.
     */
    @Test
    public void guessedStaffPasswordsLockTheAccountUntilAnOperatorUnlocksIt() throws Exception {
        awaitPlatform();
        String guess = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "guessed-account:not-the-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 1; i <= 10; i++) {
            assertEquals("wrong password " + i, 401, get("/officials/queue", guess).status());
        }
        Answer locked = get("/officials/queue", guess);
        assertEquals(locked.body(), 429, locked.status());
        assertEquals("urn:igov:problem:too-many-login-attempts", locked.json().get("type").asText());
        assertTrue(locked.body(), locked.json().get("detail").asText().contains("(Kyiv time) after 10 wrong passwords"));
        java.net.http.HttpResponse<byte[]> raw = download("/officials/queue", guess);
        long retryAfter = Long.parseLong(raw.headers().firstValue("Retry-After").orElseThrow());
        assertTrue("Retry-After " + retryAfter, retryAfter > 800 && retryAfter <= 900);
        assertEquals("others sign in as usual", 200, get("/officials/queue", staff("olena")).status());

        String listed = console("platform:staff-logins");
        assertTrue(listed, listed.contains("guessed-account") && listed.contains("10"));
        JsonNode rows = JSON.readTree(console("platform:staff-logins --json"));
        assertTrue(rows.toString(), rows.get(0).get("lockedUntil").isTextual());
        String unlocked = console("platform:staff-logins --unlock guessed-account");
        assertTrue(unlocked, unlocked.contains("Unlocked 'guessed-account'"));
        assertEquals("checked again: a wrong password is a 401", 401, get("/officials/queue", guess).status());
        // (the shell takes quotes off, so no SQL string literal: every entry, the unlock's among them)
        String onTheRecord = console("jdbc:query igov SELECT action, actor, detail FROM audit_log");
        assertTrue(onTheRecord, onTheRecord.lines().anyMatch(line -> line.contains("unlock-staff-account")
                && line.contains("staff:") && line.contains("account 'guessed-account': 10 wrong passwords since")
                && line.contains("locked until")));
        String again = console("platform:staff-logins --unlock nobody-at-all");
        assertTrue(again, again.contains("Error executing command") && again.contains("no recent wrong passwords"));
    }

    /** An account that can open the console but is no operator (a staff account given ssh by mistake). */
    @Test
    public void platformCommandsAreForOperatorsOnly() throws Exception {
        awaitPlatform();
        String staff = consoleAs("platform:staff-logins", "olena", "viewer", "ssh", "official");
        assertTrue(staff, staff.contains("Error executing command") || staff.contains("not found")
                || staff.contains("Insufficient credentials"));
        assertFalse(staff, staff.contains("Account"));
        String viewer = consoleAs("bundle:list -s -t 0 --no-format", "olena", "viewer", "ssh");
        assertTrue("the console itself works for that account: " + viewer, viewer.contains("ua.igov.platform"));
        assertTrue(consoleAs("platform:doctor", "oksana", "admin").contains("data source"));
    }

    @Test
    public void karafsOwnCommandsWorkOnTheSameRuntime() throws Exception {
        awaitPlatform();
        String dataSources = console("jdbc:ds-list");
        assertTrue(dataSources, dataSources.contains("igov") && dataSources.contains("Apache Derby") && dataSources.contains("OK"));
        String n = submit();
        // jdbc: commands take the rest of the line as SQL, unquoted (their own parser quotes it)
        String query = console("jdbc:query igov SELECT tracking_number, status FROM application");
        assertTrue(query, query.toUpperCase(java.util.Locale.ROOT).contains("TRACKING_NUMBER")
                && query.contains(n) && query.contains("submitted"));

        // the operator's guide's online backup, exactly as written there: Derby copies the database while it serves
        java.nio.file.Path backups = java.nio.file.Paths.get(System.getProperty("karaf.base"), "backups",
                "b" + System.nanoTime());
        String backup = console("jdbc:execute igov CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('"
                + backups.toString().replace('\\', '/') + "')");
        assertFalse(backup, backup.contains("Error executing command"));
        assertTrue("a copy of the database: " + backup, java.nio.file.Files.isRegularFile(
                backups.resolve("igov-db").resolve("service.properties")));

        String bundles = console("bundle:list -s");
        assertTrue(bundles, bundles.contains("ua.igov.platform.igov-core") && bundles.contains("Active"));
        String installed = console("feature:list -i");
        assertTrue(installed, installed.contains("igov-platform") && installed.contains("jdbc"));
        assertTrue(console("log:get ROOT").contains("INFO"));
        assertFalse(console("log:display").isBlank());
    }
}
