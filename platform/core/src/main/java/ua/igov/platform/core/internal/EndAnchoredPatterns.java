package ua.igov.platform.core.internal;

import java.util.regex.Pattern;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * A form's {@code pattern}s as JSON Schema means them, with Java's regular expressions. JSON Schema patterns are
 * JavaScript's, where {@code $} is the very end of the text; in Java it also matches before a last line break, so
 * {@code ^[0-9]{10}$} would let {@code "3294001234\n"} through, and a name with a line break at its end would be
 * stored and printed on an issued document. Every {@code $} that is an anchor is made Java's {@code \z}.
 */
final class EndAnchoredPatterns implements RegularExpressionFactory {

    static final EndAnchoredPatterns INSTANCE = new EndAnchoredPatterns();

    private EndAnchoredPatterns() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(endAnchored(regex));
        return value -> pattern.matcher(value).find();
    }

    /**
     * The pattern with each {@code $} outside a character class, a {@code \Q…\E} quotation and an escape written as
     * {@code \z}.
     */
    static String endAnchored(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') { // Java's quoting, as it is
                int end = regex.indexOf("\\E", i + 2);
                end = end < 0 ? regex.length() : end + 2;
                java.append(regex, i, end);
                i = end - 1;
            } else if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (c == '[' && !inClass) {
                inClass = true;
                java.append(c);
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    java.append(regex.charAt(++i));
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') { // a ']' first is a member, not the end
                    java.append(regex.charAt(++i));
                }
            } else if (c == ']' && inClass) {
                inClass = false;
                java.append(c);
            } else if (c == '$' && !inClass) {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
