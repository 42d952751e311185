package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a citizen's answer changed, as JSON Pointers: what the official reviewed before asking and should look
 * at again. A field added or removed is named itself; a value inside a field that is an object (or a list of the same
 * length) on both sides is named down to the value. A list that grew or shrank is named as a whole, since its
 * positions no longer match.
 */
final class FormChanges {

    private FormChanges() {
    }

    /** The changed fields, in pointer order. */
    static List<String> between(JsonNode before, JsonNode after) {
        TreeSet<String> changed = new TreeSet<>();
        collect("", before, after, changed);
        return List.copyOf(changed);
    }

    private static void collect(String at, JsonNode before, JsonNode after, TreeSet<String> changed) {
        if (before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode was = before.get(name);
                JsonNode is = after.get(name);
                String pointer = at + "/" + escape(name);
                if (was == null || is == null) {
                    changed.add(pointer);
                } else {
                    collect(pointer, was, is, changed);
                }
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            Iterator<JsonNode> was = before.elements();
            Iterator<JsonNode> is = after.elements();
            for (int i = 0; was.hasNext(); i++) {
                collect(at + "/" + i, was.next(), is.next(), changed);
            }
        } else if (!sameValue(before, after)) {
            changed.add(at); // "" is the whole form (RFC 6901), which is always an object here
        }
    }

    /**
     * 1 and 1.0 are one number to JSON Schema, and to a person reading the form. A number too large for a double
     * (1e400) is read as infinite and has no decimal value: it is compared as written.
     */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber() && Double.isFinite(a.doubleValue()) && Double.isFinite(b.doubleValue())) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** RFC 6901: "~" and "/" in a name are written "~0" and "~1". */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The changed fields for the audit trail, whose detail holds at most 2 000 characters: as many as fit in
     * {@code room}, then how many more.
     */
    static String listed(List<String> changed, int room) {
        List<String> shown = new ArrayList<>();
        int used = 0;
        for (String pointer : changed) {
            if (used + pointer.length() + 2 > room) {
                break;
            }
            shown.add(pointer);
            used += pointer.length() + 2;
        }
        int more = changed.size() - shown.size();
        return String.join(", ", shown) + (more == 0 ? "" : (shown.isEmpty() ? "" : ", ") + "and " + more + " more");
    }
}
