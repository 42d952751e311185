package ua.igov.platform.core.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text the way people type it, so that what they mean is found: case, the several apostrophes of Ukrainian
 * ({@code м'ясо}, {@code мʼясо}, {@code м’ясо} are one word), and Latin letters that look like Cyrillic ones
 * inside a Cyrillic word (the catalogue has {@code Реєстрацiя} with a Latin {@code i}), Roman numerals typed in
 * either script (it has {@code I чи II групи} in Latin letters and {@code ІІ групи} in Cyrillic ones), and the letters
 * many type without: {@code ґ} as {@code г} ({@code грунт} finds {@code ґрунтового}), {@code ї} as {@code і} ({@code земельноі}
 * finds {@code земельної}), which keyboards and habits often leave out.
 */
final class SearchText {

    private static final String APOSTROPHES = "'’ʼ`‘´ʹ′";
    /** Latin look-alikes and the Cyrillic letters they stand for, position by position. */
    private static final String LATIN = "aceiopxykmthbï";
    private static final String CYRILLIC = "асеіорхукмтнвї";
    /** The Cyrillic letters a Roman numeral may be typed with, and the Latin ones they stand for. */
    private static final String ROMAN_CYRILLIC = "іхсм";
    private static final String ROMAN_LATIN = "ixcm";
    /** A Roman numeral as it is written (to MMMCMXCIX), in lower case. */
    private static final Pattern ROMAN = Pattern.compile("m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})");

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

    /**
     * A word with any Cyrillic letter in it is Cyrillic: its Latin look-alikes become Cyrillic letters.
     *
     * <p>A Roman numeral is one script however it was typed, in what is searched and in the query alike: in Cyrillic
     * if it is made of I, X, C and M, which have Cyrillic look-alikes ({@code II} and {@code ІІ} are both {@code іі},
     * {@code XXI} and {@code ХХІ} both {@code ххі}), in Latin if it has a V, L or D, which have none ({@code IV} and
     * {@code ІV} are both {@code iv}). So no Cyrillic word changes but a numeral with a Latin V, L or D in it: the
     * Ukrainian {@code і} ("and"), and {@code сі} or {@code мі}, with which many words begin, still find those words.
     * What changes script is a Latin word that is a numeral of I, X, C and M ({@code i}, {@code mix}, {@code cm});
     * the catalogue has no such word other than a numeral. A word with a digit ({@code x5}, {@code СС1}) is no numeral.
     */
    private static String unmix(String word) {
        String numeral = romanNumeral(word);
        if (numeral != null) {
            return numeral.indexOf('v') >= 0 || numeral.indexOf('l') >= 0 || numeral.indexOf('d') >= 0
                    ? numeral : toCyrillic(numeral);
        }
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i < word.length(); i++) {
            Character.UnicodeBlock block = Character.UnicodeBlock.of(word.charAt(i));
            cyrillic |= block == Character.UnicodeBlock.CYRILLIC;
            latin |= block == Character.UnicodeBlock.BASIC_LATIN || block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT;
        }
        return cyrillic && latin ? toCyrillic(word) : word;
    }

    private static String toCyrillic(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int at = LATIN.indexOf(c);
            out.append(at >= 0 ? CYRILLIC.charAt(at) : c);
        }
        return out.toString();
    }

    /**
     * For each folded query word, its Latin spelling if it reads as a Roman numeral of I, X, C and M (folded to
     * Cyrillic), else null: a query word is looked for as typed too, so that {@code ci} or {@code mi} typed in Latin
     * still begin {@code citizenship} or {@code military}, words of English names, which are no numerals.
     */
    static List<String> latinSpellings(List<String> folded) {
        List<String> spellings = new ArrayList<>(folded.size());
        folded.forEach(word -> spellings.add(latinSpelling(word)));
        return spellings;
    }

    /** The Latin spelling of one folded word, as {@link #latinSpellings}; null if there is none. */
    static String latinSpelling(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (ROMAN_CYRILLIC.indexOf(folded.charAt(i)) < 0) {
                return null;
            }
        }
        String latin = romanNumeral(folded);
        return latin == null || latin.equals(folded) ? null : latin;
    }

    /** The word as a Roman numeral in Latin letters, its Cyrillic look-alikes read as Latin ones; null if it is none. */
    private static String romanNumeral(String word) {
        StringBuilder latin = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int at = ROMAN_CYRILLIC.indexOf(c);
            latin.append(at >= 0 ? ROMAN_LATIN.charAt(at) : c);
        }
        return !word.isEmpty() && ROMAN.matcher(latin).matches() ? latin.toString() : null;
    }
}
