package ua.igov.platform.spi;

import java.util.Arrays;
import java.util.Locale;

/** How far an offering has come on its way to being a real online service. */
public enum Availability {
    /** Citizens can apply on the portal now. */
    ONLINE,
    /** Information and a link to where the service is delivered (another site or an office). */
    INFO_ONLY,
    /** Built and announced; opens soon. */
    COMING_SOON,
    /** Being digitised. */
    IN_WORK;

    /** The name used in data files and over REST: {@code online}, {@code info_only}, {@code coming_soon}, {@code in_work}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Availability fromWireName(String value) {
        return Arrays.stream(values())
                .filter(a -> a.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown availability '" + value
                        + "'; expected one of online, info_only, coming_soon, in_work"));
    }
}
