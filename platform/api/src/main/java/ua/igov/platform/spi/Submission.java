package ua.igov.platform.spi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A citizen's application as a handler sees it: the form has already passed the schema. It is not stored yet, so it
 * has no tracking number; a handler that rejects it leaves nothing behind.
 *
 * @param form        the form's fields as JSON values (String, Number, Boolean, List or Map); a field the form gives
 *                    as {@code null} is left out of this map (it holds no null value), though lists and maps inside
 *                    it may
 * @param submittedAt when the citizen made the application: also when an answer to a question is checked and priced,
 *                    so a fee that depends on the date (the year's subsistence minimum, days since an event) is the
 *                    one of the day the citizen applied, not of the day the authority's question was answered.
 *                    {@code null} in a submission built without it (a plugin's own tests); since 1.6
 */
public record Submission(String serviceCode, String regionId, Integer placeId, Map<String, Object> form,
                         Instant submittedAt) {

    public Submission {
        form = Map.copyOf(form);
    }

    /** A submission without its time, as before 1.6. */
    public Submission(String serviceCode, String regionId, Integer placeId, Map<String, Object> form) {
        this(serviceCode, regionId, placeId, form, null);
    }

    /**
     * The Kyiv date the citizen applied on; without {@link #submittedAt}, today's by {@code clock}.
     *
     * @since 1.6
     */
    public LocalDate submittedOn(Clock clock) {
        return LocalDate.ofInstant(submittedAt != null ? submittedAt : clock.instant(), SubsistenceMinimum.KYIV);
    }
}
