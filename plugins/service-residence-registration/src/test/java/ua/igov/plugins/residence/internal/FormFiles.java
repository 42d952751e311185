package ua.igov.plugins.residence.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The plugin's form files read as plain Java values (maps, lists, strings), for tests to look into. */
final class FormFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FormFiles() {
    }

    static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value at a path of keys and indexes, or null where there is none. */
    static Object at(Object node, Object... path) {
        for (Object step : path) {
            if (step instanceof String key && node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else if (step instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                node = list.get(index);
            } else {
                return null;
            }
        }
        return node;
    }
}
