package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.RegionSummary;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "regions", description = "Lists the regions in the catalogue with their offerings by availability")
public class RegionsCommand extends PlatformCommand {

    @Reference(optional = true)
    CatalogueService catalogue;

    @Override
    protected Object query() {
        return catalogue.regions();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("Services").alignRight();
        table.column("Online").alignRight();
        table.column("Info only").alignRight();
        table.column("Coming soon").alignRight();
        table.column("In work").alignRight();
        for (RegionSummary r : (List<RegionSummary>) result) {
            table.addRow().addContent(r.id(), oneLine(r.name().uk()), oneLine(r.version()), r.services(),
                    r.byAvailability().getOrDefault("online", 0), r.byAvailability().getOrDefault("info_only", 0),
                    r.byAvailability().getOrDefault("coming_soon", 0), r.byAvailability().getOrDefault("in_work", 0));
        }
        table.print(out);
    }
}
