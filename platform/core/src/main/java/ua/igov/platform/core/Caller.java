package ua.igov.platform.core;

import java.util.Set;

import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.Role;

/** Who is asking: a signed-in citizen, or a member of staff signed in through Karaf's JAAS realm. */
public sealed interface Caller {

    /** How the caller appears in histories and the audit trail. */
    String name();

    /** A citizen signed in through an identity provider. */
    record CitizenCaller(Citizen citizen) implements Caller {
        @Override
        public String name() {
            return "citizen:" + citizen.ownerKey();
        }
    }

    /**
     * An official, supervisor or operator.
     *
     * @param authorities the ids of the authorities whose applications the person works
     */
    record Staff(String user, Set<Role> roles, Set<Integer> authorities, boolean operator) implements Caller {
        public Staff {
            roles = Set.copyOf(roles);
            authorities = Set.copyOf(authorities);
        }

        @Override
        public String name() {
            return "staff:" + user;
        }

        public boolean worksFor(Integer authorityId) {
            return authorityId != null && authorities.contains(authorityId);
        }
    }
}
