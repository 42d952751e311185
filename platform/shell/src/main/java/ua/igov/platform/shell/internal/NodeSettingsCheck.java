package ua.igov.platform.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import ua.igov.platform.core.ClusterService.SettingDifference;
import ua.igov.platform.shell.internal.DoctorCommand.Check;

/**
 * Whether the live nodes read the settings they must share alike. A file edited on one node only makes nodes answer
 * the same request differently (another deadline, a token refused, an official who can sign in on one node only),
 * which nobody would trace back to a file: the doctor fails and names the file and who reads it how.
 */
final class NodeSettingsCheck {

    static final String NAME = "node settings";

    private NodeSettingsCheck() {
    }

    static Check of(List<SettingDifference> differences, long liveNodes) {
        if (liveNodes < 2) {
            return new Check(NAME, true, "one live node: nothing to compare");
        }
        if (differences.isEmpty()) {
            return new Check(NAME, true, liveNodes + " live nodes read the shared settings alike");
        }
        return new Check(NAME, false, differences.stream()
                .map(d -> d.setting() + " differs: " + d.alike().stream().map(nodes -> String.join(", ", nodes))
                        .collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("; ")) + " (copy the file to every node; see platform:plugins --nodes)");
    }
}
