package ua.igov.platform.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tracking numbers a person can read out over the phone: {@code ORIGIN-SEQUENCE-CHECK}, e.g. {@code 1-00000042-0}.
 * The origin says which installation issued the number, the sequence is the database's, and a Luhn check digit over
 * both catches a mistyped digit or two swapped neighbours before anything is looked up.
 */
final class TrackingNumbers {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})-(\\d{8,18})-(\\d)");
    /**
     * Spaces (the no-break and thin ones word processors put between groups too) and the dashes and minus signs
     * phones and word processors put in: all read as the one separator. Compiled once: every read parses a number.
     */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]+");
    /** What is around a number copied from a message or a document: spaces of any kind, zero-width ones included. */
    private static final Pattern AROUND = Pattern.compile("^[\\s\\p{Z}\\u200B\\uFEFF]+|[\\s\\p{Z}\\u200B\\uFEFF]+$");

    private TrackingNumbers() {
    }

    private static final Pattern ORIGIN = Pattern.compile("\\d{1,4}");

    /** Runs inside the submission's transaction (the number is the database's), so it is kept cheap. */
    static String format(String origin, long sequence) {
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("origin must be 1 to 4 digits, was '" + origin + "'");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        String number = Long.toString(sequence);
        String digits = number.length() >= 8 ? number : "0".repeat(8 - number.length()) + number;
        return origin + "-" + digits + "-" + checkDigit(origin + digits);
    }

    /**
     * Normalises what a person typed (spaces, other dashes) and checks its form and check digit.
     *
     * @return the canonical tracking number
     * @throws IllegalArgumentException saying what is wrong, in words for that person
     */
    static String parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (typed.length() > 64) {
            throw new IllegalArgumentException("it is far too long for a tracking number");
        }
        String canonical = SEPARATORS.matcher(AROUND.matcher(typed).replaceAll("")).replaceAll("-");
        Matcher m = FORMAT.matcher(canonical);
        if (!m.matches()) {
            throw new IllegalArgumentException("tracking numbers look like 1-00000042-0 (origin, sequence, check digit)");
        }
        char expected = checkDigit(m.group(1) + m.group(2));
        if (m.group(3).charAt(0) != expected) {
            throw new IllegalArgumentException("the check digit does not match, so a digit was probably mistyped");
        }
        return canonical;
    }

    /** The Luhn (mod 10) check digit of a string of digits. */
    static char checkDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled, as the check digit will follow it
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
