package ua.igov.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugin-update",
        description = "Replaces an installed plugin on every node by another version (the newest known unless one is given) while the "
                + "platform serves, refreshing no other bundle; applications in flight keep their form and workflow")
public class PluginUpdateCommand extends PluginFeatureCommand {

    @Argument(index = 1, name = "version", description = "The version to update to; the newest known when left out")
    String version;

    @Override
    protected PluginFeatures.Change apply(PluginFeatures plugins) throws Exception {
        return plugins.update(feature, version);
    }
}
