package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The plugin archetypes, as a region's developer uses them: generate a project with {@code mvn archetype:generate}
 * (batch mode, offline, from the local repository), build it with a child {@code mvn package} (its own unit tests
 * included), drop the jar into the running platform's {@code deploy/} and use what it adds over HTTP. Nothing in the
 * generated project is edited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArchetypeIT extends PlatformTestSupport {

    static final String SERVICE_CODE = "family-composition";
    static final String REGION_ID = "archetype-oblast";

    /** A complete form of the generated service, as a citizen of Dnipro would send it. */
    static final String APPLICATION = "{\"region\": \"dnipropetrovsk\", \"form\": {"
            + "\"applicant\": {\"lastName\": \"Шевченко\", \"firstName\": \"Тарас\", \"birthDate\": \"1990-03-09\","
            + " \"taxNumber\": \"3294008776\"},"
            + "\"address\": {\"settlement\": \"Дніпро\", \"street\": \"просп. Яворницького\", \"building\": \"1\"},"
            + "\"purpose\": \"employer\", \"contacts\": {\"phone\": \"+380501234567\"}, \"consentToProcessing\": true}}";

    @Test
    public void servicePluginFromTheArchetypeBuildsHotDeploysAndTakesApplications() throws Exception {
        awaitPlatform();
        File project = generate("igov-service-plugin-archetype", "igov-service-" + SERVICE_CODE,
                "-Dpackage=ua.gov.dnipro.family", "-DserviceCode=" + SERVICE_CODE, "-DcatalogueServiceId=740");
        File deployed = deploy(build(project));
        try {
            Answer form = awaitStatus("/services/" + SERVICE_CODE + "/form", 200);
            assertEquals("Прізвище", form.json().at("/properties/applicant/properties/lastName/title").asText());
            assertEquals("Surname", get("/services/" + SERVICE_CODE + "/ui-hints").json().at("/labels/en/applicant~1lastName").asText());
            assertTrue("the live API document gains the service",
                    get("/openapi.json").body().contains("\"/services/" + SERVICE_CODE + "/applications\""));

            String citizen = citizen("mykola");
            Answer created = post("/services/" + SERVICE_CODE + "/applications", APPLICATION, citizen);
            assertEquals(created.body(), 201, created.status());
            String trackingNumber = created.json().get("trackingNumber").asText();
            assertTrue(trackingNumber, trackingNumber.matches("1-\\d{8}-\\d"));
            Answer status = getAbsolute(created.location(), citizen);
            assertEquals(status.body(), 200, status.status());
            assertEquals("submitted", status.json().get("status").asText());
            assertEquals(SERVICE_CODE, status.json().get("serviceCode").asText());
            assertEquals("1.0", status.json().get("formVersion").asText());

            // the generated handler runs: a minor is refused by it, after the schema has passed
            Answer minor = post("/services/" + SERVICE_CODE + "/applications",
                    APPLICATION.replace("1990-03-09", "2015-01-01"), citizen);
            assertEquals(minor.body(), 422, minor.status());
            assertEquals("/applicant/birthDate", minor.json().at("/errors/0/field").asText());
        } finally {
            Files.deleteIfExists(deployed.toPath());
        }
        awaitStatus("/services/" + SERVICE_CODE + "/form", 404);
    }

    @Test
    public void regionPluginFromTheArchetypeBuildsHotDeploysAndItsOfferingsAreInTheCatalogue() throws Exception {
        awaitPlatform();
        File project = generate("igov-region-plugin-archetype", "igov-region-" + REGION_ID,
                "-DregionId=" + REGION_ID, "-DregionIgovId=90");
        File deployed = deploy(build(project));
        try {
            Answer services = awaitStatus("/regions/" + REGION_ID + "/services", 200);
            JsonNode familyComposition = null;
            for (JsonNode service : services.json()) {
                if (service.get("serviceId").asInt() == 740) {
                    familyComposition = service;
                }
            }
            assertTrue(services.body(), familyComposition != null);
            assertEquals("online", familyComposition.get("availability").asText());
            assertEquals("at the regional centre, an id of the region's own range, not one of iGov's", 9_000_901,
                    familyComposition.at("/places/0/placeId").asInt());

            JsonNode catalogue = get("/catalogue?region=" + REGION_ID).json();
            List<String> offered = new ArrayList<>();
            for (JsonNode item : catalogue.get("items")) {
                offered.add(item.get("region").asText() + " " + item.get("serviceId").asInt() + " " + item.get("availability").asText());
            }
            assertEquals(catalogue.toString(), Set.of(REGION_ID + " 740 online", REGION_ID + " 15 coming_soon"),
                    new HashSet<>(offered));
            assertTrue(get("/regions").body().contains("\"" + REGION_ID + "\""));
        } finally {
            Files.deleteIfExists(deployed.toPath());
        }
        awaitStatus("/regions/" + REGION_ID + "/services", 404);

        // a region id the platform refuses (a digit first), given with -D as the guide does: nothing is generated
        AssertionError refused = org.junit.Assert.assertThrows(AssertionError.class, () -> generate(
                "igov-region-plugin-archetype", "igov-region-9oblast", "-DregionId=9oblast", "-DregionIgovId=91"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("regionId '9oblast' must match"));
        assertFalse("no project left behind", new File(workDir(), "igov-region-9oblast").exists());
        // an artifact (and so a feature) the operators' platform:plugin-* commands would not take
        AssertionError misnamed = org.junit.Assert.assertThrows(AssertionError.class, () -> generate(
                "igov-region-plugin-archetype", "example-region", "-DregionId=example", "-DregionIgovId=92"));
        assertTrue(misnamed.getMessage(), misnamed.getMessage().contains("must be igov-region-example"));
        assertFalse("no project left behind", new File(workDir(), "example-region").exists());
    }

    // ---- what a region's developer types ---------------------------------------------------------------------

    private File workDir() {
        File dir = new File(System.getProperty("karaf.base"), "archetype-work");
        dir.mkdirs();
        return dir;
    }

    /** {@code mvn archetype:generate} in batch mode; returns the generated project's folder. */
    private File generate(String archetype, String artifactId, String... properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("igov.test.archetypePluginVersion") + ":generate",
                "-DarchetypeGroupId=ua.igov.platform", "-DarchetypeArtifactId=" + archetype,
                "-DarchetypeVersion=" + System.getProperty("igov.test.platformVersion"),
                "-DgroupId=ua.gov.example", "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-DinteractiveMode=false"));
        command.addAll(List.of(properties));
        mvn(workDir(), command);
        File project = new File(workDir(), artifactId);
        assertTrue("generated " + project, new File(project, "pom.xml").isFile());
        return project;
    }

    /** {@code mvn package} in the generated project, unit tests included; returns the bundle. */
    private File build(File project) throws Exception {
        mvn(project, List.of("package"));
        File jar = new File(project, "target/" + project.getName() + "-1.0.0.jar");
        assertTrue("built " + jar, jar.isFile());
        return jar;
    }

    private File deploy(File jar) throws Exception {
        File deployed = new File(deployFolder(), jar.getName());
        Files.copy(jar.toPath(), deployed.toPath());
        return deployed;
    }

    /** One child Maven, offline and quiet, on the build's own local repository, where the archetypes are installed. */
    private static void mvn(File dir, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("igov.test.mavenHome"), "bin/mvn").getPath(),
                "-B", "-o", "-q", "-Dmaven.repo.local=" + System.getProperty("igov.test.localRepository")));
        command.addAll(arguments);
        File log = new File(dir, "mvn-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + arguments + " did not finish in 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("mvn " + arguments + " failed (" + process.exitValue() + "):\n"
                    + Files.readString(log.toPath()));
        }
    }
}
