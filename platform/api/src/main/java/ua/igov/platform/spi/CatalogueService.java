package ua.igov.platform.spi;

import java.util.List;
import java.util.Objects;

/**
 * A catalogue entry: what a citizen can ask the state for, independent of where it is delivered.
 *
 * @param id          the service's id in the iGov catalogue
 * @param category    the audience, e.g. {@code Citizen} or {@code Business}
 * @param subcategory the topic code, e.g. {@code Build}
 * @param keywords    search words as published
 * @param operator    the responsible body, as free text
 * @param test        true for iGov's placeholder and test entries, which citizens never see
 */
public record CatalogueService(int id, LocalizedText name, Classifier category, Classifier subcategory,
                               List<String> keywords, String operator, boolean test) {

    public CatalogueService {
        Objects.requireNonNull(name, "name");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** A code with its display name, used for categories and subcategories. */
    public record Classifier(String code, LocalizedText name) {
    }
}
