package ua.igov.platform.store.internal;

import java.util.Locale;

/** The few statements that differ between the databases the platform runs on; the schema itself does not. */
enum SqlDialect {
    DERBY("VALUES NEXT VALUE FOR %s"),
    POSTGRESQL("SELECT nextval('%s')");

    private final String nextValueTemplate;

    SqlDialect(String nextValueTemplate) {
        this.nextValueTemplate = nextValueTemplate;
    }

    String nextValue(String sequence) {
        return String.format(Locale.ROOT, nextValueTemplate, sequence);
    }

    static SqlDialect forProduct(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: " + databaseProductName
                + " (supported: Apache Derby, PostgreSQL)");
    }

    /**
     * An INSERT whose generated {@code id} is read back. Asking for "the generated keys" makes PostgreSQL's driver
     * append {@code RETURNING *}, which sends the whole row back: a 5 MB file, or the form of every application of a
     * group commit. Naming the column returns only it; Derby is asked the general way, which returns only its
     * identity column anyway.
     */
    static java.sql.PreparedStatement insertReturningId(java.sql.Connection c, String sql) throws java.sql.SQLException {
        return forProduct(c.getMetaData().getDatabaseProductName()) == POSTGRESQL
                ? c.prepareStatement(sql, new String[] {"id"})
                : c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
    }
}
