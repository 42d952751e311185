package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ClusterService.SettingDifference;
import ua.igov.platform.shell.internal.DoctorCommand.Check;

class NodeSettingsCheckTest {

    @Test
    void nodesThatReadASharedFileDifferentlyFailTheDoctorNamingTheFileAndWhoReadsWhat() {
        Check check = NodeSettingsCheck.of(List.of(new SettingDifference("etc/ua.igov.platform.calendar.cfg",
                List.of(List.of("node-a", "node-b"), List.of("node-c")))), 3);
        assertFalse(check.ok());
        assertEquals("etc/ua.igov.platform.calendar.cfg differs: node-a, node-b | node-c (copy the file to every node; "
                + "see platform:plugins --nodes)", check.detail());
    }

    @Test
    void alikeOrAloneHolds() {
        assertTrue(NodeSettingsCheck.of(List.of(), 3).ok());
        assertTrue(NodeSettingsCheck.of(List.of(), 1).detail().contains("one live node"));
    }
}
