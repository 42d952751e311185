package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.CatalogueService;

class ServicesCommandTest {

    /** The console's mistakes are named as the console knows them: its option, its command; not REST's. */
    @Test
    void aBadLimitOrRegionIsNamedAsTheConsoleSaysIt() {
        ServicesCommand command = new ServicesCommand();
        command.catalogue = (CatalogueService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CatalogueService.class}, (proxy, method, args) -> method.getName().equals("regions")
                        ? List.of() : null);
        command.limit = 500;
        assertEquals("--limit must be between 1 and 100, not 500",
                assertThrows(IllegalArgumentException.class, command::query).getMessage());
        command.limit = 10;
        command.region = "atlantis";
        assertEquals("there is no region 'atlantis'; platform:regions lists them",
                assertThrows(IllegalArgumentException.class, command::query).getMessage());
    }
}
