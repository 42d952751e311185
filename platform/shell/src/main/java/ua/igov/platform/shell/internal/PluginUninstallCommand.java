package ua.igov.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugin-uninstall",
        description = "Removes a plugin from every node while the platform serves; its applications stay readable and continue when it is back")
public class PluginUninstallCommand extends PluginFeatureCommand {

    @Override
    protected PluginFeatures.Change apply(PluginFeatures plugins) throws Exception {
        return plugins.uninstall(feature);
    }
}
