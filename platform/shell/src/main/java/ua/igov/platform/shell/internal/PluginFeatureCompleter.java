package ua.igov.platform.shell.internal;

import java.util.List;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ua.igov.platform.core.ClusterService;

/** Completes the names of the platform's plugin features: regions, services and identity providers. */
@Service
public class PluginFeatureCompleter implements Completer {

    @Reference(optional = true)
    FeaturesService features;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (features == null) {
            return -1;
        }
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (Feature f : features.listFeatures()) {
                if (ClusterService.isPluginFeature(f.getName())) {
                    delegate.getStrings().add(f.getName());
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
