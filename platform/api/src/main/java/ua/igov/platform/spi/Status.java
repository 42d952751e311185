package ua.igov.platform.spi;

import java.util.Arrays;
import java.util.Locale;

/** Where an application stands. Every platform's application is in exactly one of these. */
public enum Status {
    SUBMITTED,
    IN_REVIEW,
    NEEDS_INFORMATION,
    APPROVED,
    REJECTED,
    ISSUED,
    CANCELLED;

    /** Decided applications take no further action. */
    public boolean isFinal() {
        return this == REJECTED || this == ISSUED || this == CANCELLED;
    }

    /** The name used over REST and in the database: {@code submitted}, {@code in_review}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status '" + value + "'"));
    }
}
