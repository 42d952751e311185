package ua.igov.platform.itests.plugins.future;

import ua.igov.platform.itests.plugins.SelfRegisteringPlugin;
import ua.igov.platform.spi.FormDefinition;

/**
 * A plugin as if built against SPI 2.0: the test gives its bundle {@code Import-Package: ua.igov.platform.spi;
 * version="[2.0,3)"}, which this platform (1.x) cannot satisfy. Its code never runs.
 */
public class FutureService extends SelfRegisteringPlugin {

    public FutureService() {
        super("test-future", "Послуга з майбутнього", 144);
    }

    @Override
    public FormDefinition form() {
        return new FormDefinition("1.0", "{\"type\": \"object\"}");
    }
}
