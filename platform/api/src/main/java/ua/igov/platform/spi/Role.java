package ua.igov.platform.spi;

/** Who may take a step of a workflow. */
public enum Role {
    /** The person the application belongs to. */
    CITIZEN,
    /** An official of the authority the application was made to. */
    OFFICIAL,
    /** A supervisor of that authority, who can also do what its officials do. */
    SUPERVISOR
}
