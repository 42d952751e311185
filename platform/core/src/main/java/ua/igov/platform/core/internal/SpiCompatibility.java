package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Finds plugins built for an SPI version this runtime does not export (a 2.x plugin on a 1.x platform): the OSGi
 * resolver leaves them unresolved and says nothing an operator reads, so the platform names them and why.
 * It compares a bundle's declared import of the SPI package with what the installed API bundle exports, which
 * answers the same the moment the bundle is installed and at any time after.
 */
final class SpiCompatibility {

    static final String SPI_PACKAGE = "ua.igov.platform.spi";
    private static final Pattern LOWER = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

    /** A plugin that cannot be wired to the SPI this runtime exports. */
    record Incompatible(Bundle bundle, String reason) {
    }

    private SpiCompatibility() {
    }

    /** Every installed bundle that imports the SPI in a version no installed bundle exports. */
    static List<Incompatible> find(BundleContext context) {
        List<BundleCapability> exported = exports(context);
        List<Incompatible> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            check(bundle, exported).ifPresent(found::add);
        }
        return found;
    }

    static Optional<Incompatible> check(BundleContext context, Bundle bundle) {
        return check(bundle, exports(context));
    }

    private static Optional<Incompatible> check(Bundle bundle, List<BundleCapability> exported) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null || bundle.getState() == Bundle.UNINSTALLED) {
            return Optional.empty();
        }
        for (BundleRequirement wanted : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String filter = wanted.getDirectives().getOrDefault(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "");
            if (filter.contains("(" + PackageNamespace.PACKAGE_NAMESPACE + "=" + SPI_PACKAGE + ")")
                    && exported.stream().noneMatch(wanted::matches)) {
                return Optional.of(new Incompatible(bundle, "built for plugin SPI " + SPI_PACKAGE + " " + range(filter)
                        + ", but this platform exports " + versions(exported) + "; rebuild it against the platform's SPI"));
            }
        }
        return Optional.empty();
    }

    private static List<BundleCapability> exports(BundleContext context) {
        List<BundleCapability> exported = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (SPI_PACKAGE.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    exported.add(c);
                }
            }
        }
        return exported;
    }

    private static String versions(List<BundleCapability> exported) {
        return exported.isEmpty() ? "no version of it" : exported.stream()
                .map(c -> String.valueOf(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)))
                .distinct().sorted().reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    /** The version range of an import as its manifest wrote it, e.g. [2.0.0,3.0.0), read back from its filter. */
    static String range(String filter) {
        Matcher lower = LOWER.matcher(filter);
        Matcher upper = UPPER.matcher(filter);
        String from = lower.find() ? lower.group(1) : null;
        String to = upper.find() ? upper.group(1) : null;
        if (from == null && to == null) {
            return "(any version)";
        }
        return "[" + (from == null ? "0.0.0" : from) + "," + (to == null ? "∞" : to) + ")";
    }
}
