package ua.igov.platform.core;

import java.util.List;

/**
 * What citizens see of the staff who work their applications. Citizens never see a login: a login is half of a
 * credential, and with it anyone could use up an official's password guesses and lock the account. They see a step
 * or an assignment as {@code staff}, with the display name an operator gave the account, when there is one. Only
 * operators set names; every change is on the audit trail and is read by every node from its next request.
 */
public interface StaffNameService {

    /**
     * Every named account, by login.
     *
     * @throws ProblemException 401 without a caller, 403 unless an operator
     */
    List<StaffDisplayName> staffNames(Caller caller);

    /**
     * How citizens see the caller, if the caller is staff: their account's display name, or {@code "staff"} while it
     * has none; {@code null} for anyone else. Nobody but the caller is asked about.
     */
    String shownToCitizensAs(Caller caller);

    /**
     * The realm's officials, supervisors and operators without a display name: whom citizens see as plain
     * {@code staff}.
     *
     * @throws ProblemException 401 without a caller, 403 unless an operator
     */
    UnnamedStaff unnamedStaff(Caller caller);

    /**
     * Gives an account the name citizens see: the body is {@code {"displayName": "Олена Коваленко"}}.
     *
     * @throws ProblemException 400 for a malformed account ({@code account}), 422 for a display name that is not a
     *                          person's name ({@code /displayName}) or an account the realm does not have
     *                          ({@code account}; where the realm cannot tell, the account is taken as given),
     *                          409 {@code name-unchanged} if it is already so
     */
    StaffDisplayName nameStaff(Caller caller, String account, byte[] body);

    /**
     * Takes an account's display name away: citizens see its steps as {@code staff} only.
     *
     * @return the name it had
     * @throws ProblemException 404 {@code unknown-staff-name} if it has none
     */
    StaffDisplayName unnameStaff(Caller caller, String account);
}
