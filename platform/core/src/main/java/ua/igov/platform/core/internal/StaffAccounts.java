package ua.igov.platform.core.internal;

import ua.igov.platform.core.Caller;

/**
 * What the staff realm says an account is, asked without its password: whether a reassignment's target is someone
 * who can work the application at all.
 */
public interface StaffAccounts {

    /** Used where no realm can be asked: every answer is {@link Unknown}. */
    StaffAccounts NONE = login -> new Unknown("no staff realm to ask");

    /** The account as the realm has it, or that it has none, or that it cannot tell. */
    Lookup find(String login);

    /**
     * The login as the platform knows the member of staff: lower case where the realm takes logins in any case
     * ({@code loginsIgnoreCase}), as typed otherwise. What sign-in makes a member of staff, a hand-over's target and
     * a display name's account must agree.
     */
    default String canonical(String login) {
        return login;
    }

    /**
     * Every account of the realm with what its roles make it, or empty if a part of the realm cannot list its accounts
     * (then no list would be the whole truth).
     */
    default java.util.Optional<java.util.List<Caller.Staff>> all() {
        return java.util.Optional.empty();
    }

    /** An answer of the realm. */
    sealed interface Lookup permits Found, Missing, Unknown {
    }

    /** The account exists; what its roles make it. */
    record Found(Caller.Staff staff) implements Lookup {
    }

    /** Every part of the realm was asked, and none has the account. */
    record Missing() implements Lookup {
    }

    /** The realm, or a part of it, cannot list its accounts (an LDAP server that refuses, a module without a backing engine). */
    record Unknown(String why) implements Lookup {
    }
}
