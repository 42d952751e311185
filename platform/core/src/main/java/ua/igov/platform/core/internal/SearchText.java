package ua.igov.platform.core.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text the way people type it, so that what they mean is found: case, the several apostrophes of Ukrainian
 * ({@code м'ясо}, {@code мʼясо}, {@code м’ясо} are one word), and Latin letters that look like Cyrillic ones
 * inside a Cyrillic word (the catalogue has {@code Реєстрацiя} with a Latin {@code i}), and the letters many type
 * without: {@code ґ} as {@code г} ({@code грунт} finds {@code ґрунтового}), {@code ї} as {@code і} ({@code земельноі}
 * finds {@code земельної}), which keyboards and habits often leave out.
 */
final class SearchText {

    private static final String APOSTROPHES = "'’ʼ`‘´ʹ′";
    /** Latin look-alikes and the Cyrillic letters they stand for, position by position. */
    private static final String LATIN = "aceiopxykmthbï";
    private static final String CYRILLIC = "асеіорхукмтнвї";

    private SearchText() {
    }

    /** The search words of a text, folded; empty for null or blank text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (APOSTROPHES.indexOf(c) >= 0) {
                continue; // an apostrophe never splits a word, and is not part of what people search for
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(unmix(word.toString()).replace('ґ', 'г').replace('ї', 'і'));
            word.setLength(0);
        }
    }

    /** A word with any Cyrillic letter in it is Cyrillic: its Latin look-alikes become Cyrillic letters. */
    private static String unmix(String word) {
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i < word.length(); i++) {
            Character.UnicodeBlock block = Character.UnicodeBlock.of(word.charAt(i));
            cyrillic |= block == Character.UnicodeBlock.CYRILLIC;
            latin |= block == Character.UnicodeBlock.BASIC_LATIN || block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT;
        }
        if (!cyrillic || !latin) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int at = LATIN.indexOf(c);
            out.append(at >= 0 ? CYRILLIC.charAt(at) : c);
        }
        return out.toString();
    }
}
