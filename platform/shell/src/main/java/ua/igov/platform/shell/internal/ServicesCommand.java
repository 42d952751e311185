package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.RegionServiceEntry;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "services", description = "Lists the services a region offers")
public class ServicesCommand extends PlatformCommand {

    @Reference
    CatalogueService catalogue;

    @Option(name = "--region", aliases = "-r", description = "The region id", required = true)
    @Completion(RegionIdCompleter.class)
    String region;

    @Option(name = "--status", aliases = "-s", description = "Only services of this availability: online, info_only, coming_soon, in_work")
    String status;

    @Override
    protected Object query() {
        return catalogue.regionServices(region).stream()
                .filter(s -> status == null || s.availability().equals(status))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name").maxSize(70);
        table.column("Availability");
        table.column("Places").alignRight();
        table.column("Form");
        for (RegionServiceEntry s : (List<RegionServiceEntry>) result) {
            table.addRow().addContent(s.serviceId(), s.name().uk(), s.availability(), s.places().size(),
                    s.serviceCode() == null ? "" : s.serviceCode());
        }
        table.print(out);
    }
}
