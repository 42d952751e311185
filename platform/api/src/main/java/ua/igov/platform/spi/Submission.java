package ua.igov.platform.spi;

import java.util.Map;

/**
 * A citizen's application as a handler sees it: the form has already passed the schema. It is not stored yet, so it
 * has no tracking number; a handler that rejects it leaves nothing behind.
 *
 * @param form the form's fields as JSON values (String, Number, Boolean, List or Map); a field the form gives as
 *             {@code null} is left out of this map (it holds no null value), though lists and maps inside it may
 */
public record Submission(String serviceCode, String regionId, Integer placeId, Map<String, Object> form) {

    public Submission {
        form = Map.copyOf(form);
    }
}
