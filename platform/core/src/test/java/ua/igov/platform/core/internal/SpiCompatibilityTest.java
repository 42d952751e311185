package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpiCompatibilityTest {

    @Test
    void anImportsRangeIsShownAsItsManifestWroteIt() {
        assertEquals("[2.0.0,3.0.0)", SpiCompatibility.range(
                "(&(osgi.wiring.package=ua.igov.platform.spi)(version>=2.0.0)(!(version>=3.0.0)))"));
        assertEquals("[1.2.0,∞)", SpiCompatibility.range("(&(osgi.wiring.package=ua.igov.platform.spi)(version>=1.2.0))"));
        assertEquals("(any version)", SpiCompatibility.range("(osgi.wiring.package=ua.igov.platform.spi)"));
    }
}
