package ua.igov.platform.spi;

import java.util.Objects;

/**
 * A text shown to people in Ukrainian and, where someone has written it, in English. Ukrainian is the language of
 * record and always present; English falls back to it.
 */
public record LocalizedText(String uk, String en) {

    public LocalizedText {
        if (uk == null || uk.isBlank()) {
            throw new IllegalArgumentException("a Ukrainian text is required");
        }
        if (en != null && en.isBlank()) {
            en = null;
        }
    }

    public static LocalizedText of(String uk) {
        return new LocalizedText(uk, null);
    }

    public static LocalizedText of(String uk, String en) {
        return new LocalizedText(uk, en);
    }

    /** The text in {@code language} ("uk" or "en"), falling back to Ukrainian. */
    public String in(String language) {
        return "en".equals(language) ? Objects.requireNonNullElse(en, uk) : uk;
    }
}
