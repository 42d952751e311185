package ua.igov.platform.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugin-install",
        description = "Installs a plugin on every node while the platform serves, refreshing no other bundle")
public class PluginInstallCommand extends PluginFeatureCommand {

    @Override
    protected void apply(PrintStream out) throws Exception {
        if (features.isInstalled(features.getFeature(feature))) {
            out.println(feature + " is already installed on node " + cluster.nodeId() + ".");
        } else {
            features.installFeature(feature, NO_REFRESH);
            out.println(feature + " installed on node " + cluster.nodeId() + ".");
        }
        out.println(followers());
    }
}
