package ua.igov.platform.store;

import java.util.List;

/** Whether the database's schema is what this version of the platform expects, for operators' checks. */
public interface SchemaStatus {

    /** The ids of the platform's changesets the database has not run; empty when the schema is current. */
    List<String> pendingChangeSets();
}
