package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ua.igov.platform.store.LoginFailures;
import ua.igov.platform.store.StaffLoginStore;

class StaffLoginsCommandTest {

    private static final Instant T = Instant.parse("2026-11-27T08:00:00Z");

    /**
     * With loginsIgnoreCase the platform keeps "olena" for every spelling: unlocking "Olena" finds nothing, and the
     * operator is told the account as listed instead of only "nothing to unlock"; nothing else is unlocked.
     */
    @Test
    void anUnlockUnderAnotherSpellingNamesTheAccountAsListed() {
        StaffLoginsCommand command = new StaffLoginsCommand();
        command.logins = (StaffLoginStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StaffLoginStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "unlock" -> Optional.empty();
                    case "recent" -> List.of(new LoginFailures("olena", 10, T, T, T.plusSeconds(900)));
                    default -> null;
                });
        command.unlock = "Olena";
        IllegalArgumentException told = assertThrows(IllegalArgumentException.class, command::query);
        assertEquals("'Olena' has no recent wrong passwords and no lock; did you mean 'olena'? (accounts are unlocked "
                + "as platform:staff-logins lists them)", told.getMessage());
        command.unlock = "petro";
        assertEquals("'petro' has no recent wrong passwords and no lock",
                assertThrows(IllegalArgumentException.class, command::query).getMessage());
    }
}
