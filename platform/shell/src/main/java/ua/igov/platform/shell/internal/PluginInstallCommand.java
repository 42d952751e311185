package ua.igov.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugin-install",
        description = "Installs a plugin (its newest version) on every node while the platform serves, refreshing no other bundle")
public class PluginInstallCommand extends PluginFeatureCommand {

    @Override
    protected PluginFeatures.Change apply(PluginFeatures plugins) throws Exception {
        return plugins.install(feature);
    }
}
