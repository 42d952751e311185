package ua.igov.platform.itests.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Constants;

/**
 * Builds the lifecycle tests' plugins as real bundles, in the test's own JVM before Karaf starts (TinyBundles), with
 * the manifest a plugin author's build would write, so the container sees them exactly as it sees any plugin jar.
 */
public final class TestPlugins {

    /** What a plugin built against this platform's SPI imports. */
    public static final String SPI_1 = "[1.0,2)";
    /** What a plugin built against a future major version of the SPI would import. */
    public static final String SPI_2 = "[2.0,3)";

    private TestPlugins() {
    }

    /** A bundle of a class that is both the service type and the activator that registers it, with its superclasses. */
    public static File build(File dir, String symbolicName, String version, Class<?> plugin, String spiRange) {
        File jar = new File(dir, symbolicName + "-" + version + ".jar");
        TinyBundle content = TinyBundles.bundle();
        for (Class<?> c = plugin; c.getName().startsWith("ua.igov.platform.itests."); c = c.getSuperclass()) {
            content.addClass(c);
        }
        try (InputStream bundle = content
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_SYMBOLICNAME, symbolicName)
                .setHeader(Constants.BUNDLE_VERSION, version)
                .setHeader(Constants.BUNDLE_ACTIVATOR, plugin.getName())
                .setHeader(Constants.IMPORT_PACKAGE, "ua.igov.platform.spi;version=\"" + spiRange + "\","
                        + "org.osgi.framework;version=\"[1.8,2)\"")
                .build(TinyBundles.rawBuilder())) {
            Files.createDirectories(dir.toPath());
            Files.copy(bundle, jar.toPath(), StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A features repository with one feature of one bundle, as a plugin's release would ship it. */
    public static File featureRepository(File dir, String feature, String version, File bundle) {
        File xml = new File(dir, feature + "-" + version + "-features.xml");
        String text = "<features name=\"" + feature + "-" + version + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"" + feature + "\" version=\"" + version + "\">\n"
                + "    <bundle>" + bundle.toURI() + "</bundle>\n"
                + "  </feature>\n"
                + "</features>\n";
        try {
            Files.writeString(xml.toPath(), text, StandardCharsets.UTF_8);
            return xml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
