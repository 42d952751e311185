package ua.igov.plugins.identity.dev.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for a token's header and claims: one flat object whose values are strings, whole numbers,
 * {@code true}, {@code false} or {@code null}. Anything else — nesting, fractions, exponents, duplicate names,
 * unpaired surrogates, text after the object — is refused rather than guessed at.
 */
final class FlatJson {

    /** A stand-in for JSON {@code null}, so that a name given as null is not mistaken for a name not given. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * @return the object's members in order: String, Long, Boolean or {@link #NULL}
     * @throws IllegalArgumentException if {@code text} is not exactly one flat JSON object
     */
    static Map<String, Object> parseObject(String text) {
        FlatJson parser = new FlatJson(text);
        Map<String, Object> members = parser.object();
        parser.whitespace();
        if (parser.at != text.length()) {
            throw parser.error("text after the object");
        }
        return Collections.unmodifiableMap(members);
    }

    /** One flat JSON object, members in the order given; values must be String, Long/Integer or Boolean. */
    static String write(Map<String, ?> members) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> member : members.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(member.getKey(), out);
            out.append(':');
            Object value = member.getValue();
            if (value instanceof String s) {
                quote(s, out);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
                out.append(value);
            } else {
                throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName()));
            }
        }
        return out.append('}').toString();
    }

    /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Map<String, Object> object() {
        whitespace();
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        whitespace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            whitespace();
            if (peek() != '"') {
                throw error("a member name (a string) expected");
            }
            String name = string();
            whitespace();
            expect(':');
            whitespace();
            Object value = value();
            if (members.putIfAbsent(name, value) != null) {
                throw error("the name '" + name + "' appears twice");
            }
            whitespace();
            char next = peek();
            at++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return NULL;
        }
        if (c == '{' || c == '[') {
            throw error("nested objects and arrays are not accepted");
        }
        throw error("a value expected");
    }

    private Long number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                at++;
            }
        } else {
            throw error("a digit expected");
        }
        char next = peek();
        if (next == '.' || next == 'e' || next == 'E') {
            throw error("only whole numbers are accepted");
        }
        if (next >= '0' && next <= '9') {
            throw error("a number cannot start with 0");
        }
        try {
            return Long.parseLong(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw error("the number is too large");
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw error("unknown escape \\" + e);
            }
        }
        String s = out.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("unpaired surrogate in a string");
            }
        }
        return s;
    }

    private char hex4() {
        if (at + 4 > text.length()) {
            throw error("\\u needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(at++);
            int digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    ? Character.digit(c, 16) : -1; // Character.digit alone would take non-ASCII digits too
            if (digit < 0) {
                throw error("\\u needs four hex digits");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void whitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c || at >= text.length()) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not a flat JSON object: " + what + " at offset " + at);
    }
}
