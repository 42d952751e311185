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
}
