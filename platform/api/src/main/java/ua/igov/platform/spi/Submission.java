package ua.igov.platform.spi;

import java.util.Map;

/**
 * A citizen's application as a handler sees it: the form has already passed the schema.
 *
 * @param form the form's fields as JSON values (String, Number, Boolean, List, Map or null)
 */
public record Submission(String trackingNumber, String serviceCode, String regionId, Integer placeId,
                         Map<String, Object> form) {

    public Submission {
        form = Map.copyOf(form);
    }
}
