package ${package}.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import ua.igov.platform.spi.NotificationTemplate;

/**
 * This service's own wording of the messages citizens get after a step, from {@code notifications/<language>.properties}
 * in the bundle. Read once: the platform asks before each step's transaction, with the time limit of a handler, so the
 * answer must come from memory.
 */
final class NotificationTexts {

    static final String[] LANGUAGES = {"uk", "en"};

    private final Map<String, Properties> byLanguage;

    private NotificationTexts(Map<String, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static NotificationTexts load() {
        return new NotificationTexts(Map.of(LANGUAGES[0], read(LANGUAGES[0]), LANGUAGES[1], read(LANGUAGES[1])));
    }

    /** The template for a step (an action or the status it leads to) in a language, if this service words it. */
    Optional<NotificationTemplate> template(String step, String language) {
        Properties texts = byLanguage.get(language);
        if (texts == null || !texts.containsKey(step + ".subject")) {
            return Optional.empty();
        }
        return Optional.of(new NotificationTemplate(texts.getProperty(step + ".subject"),
                texts.getProperty(step + ".body", ""), texts.getProperty(step + ".sms", "")));
    }

    private static Properties read(String language) {
        String path = "/notifications/" + language + ".properties";
        try (InputStream in = NotificationTexts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the bundle");
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
