package ua.igov.platform.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugin-uninstall",
        description = "Removes a plugin from every node while the platform serves; applications made through it stay readable")
public class PluginUninstallCommand extends PluginFeatureCommand {

    @Override
    protected void apply(PrintStream out) throws Exception {
        if (!features.isInstalled(features.getFeature(feature))) {
            out.println(feature + " is not installed on node " + cluster.nodeId() + ".");
        } else {
            features.uninstallFeature(feature, NO_REFRESH);
            out.println(feature + " uninstalled on node " + cluster.nodeId() + ".");
        }
        out.println(followers());
    }
}
