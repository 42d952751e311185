package ua.igov.platform.catalog.generator;

import java.util.Map;

/**
 * Ukrainian to Latin script by the national standard, Cabinet of Ministers resolution No. 55 of 27 January 2010
 * (the system used for place names on maps and signs and in passports).
 *
 * <p>Rules beyond the one-to-one table, all from the resolution:
 * <ul>
 *   <li>є ї й ю я are ye yi y yu ya at the start of a word and ie i i iu ia elsewhere;</li>
 *   <li>"зг" is "zgh" (Згорани → Zghorany), so that it is not read as "жг";</li>
 *   <li>the soft sign and the apostrophe are not written.</li>
 * </ul>
 * Characters outside the Ukrainian alphabet (digits, punctuation, Latin letters) are kept as they are.
 */
final class UkrainianTransliterator {

    /** Lower-case mapping inside a word. */
    private static final Map<Character, String> INNER = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
            Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "iu"),
            Map.entry('я', "ia"));

    /** The letters that are written differently at the start of a word. */
    private static final Map<Character, String> INITIAL = Map.of(
            'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");

    /** The apostrophe as it is typed in practice: ASCII, typographic quotes, the modifier letter, the backtick. */
    private static final String APOSTROPHES = "'’‘ʼ`";

    private UkrainianTransliterator() {
    }

    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = Character.toLowerCase(c);
            String latin = INNER.get(lower);
            if (latin == null) {
                if (APOSTROPHES.indexOf(c) < 0) {
                    out.append(c);
                }
                continue;
            }
            if (isWordStart(text, i) && INITIAL.containsKey(lower)) {
                latin = INITIAL.get(lower);
            } else if (lower == 'г' && i > 0 && Character.toLowerCase(text.charAt(i - 1)) == 'з') {
                latin = "gh";
            }
            out.append(Character.isUpperCase(c) ? upper(latin, text, i) : latin);
        }
        return out.toString();
    }

    /** A letter starts a word unless a letter or an apostrophe (which sits inside a word) precedes it. */
    private static boolean isWordStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !Character.isLetter(before) && APOSTROPHES.indexOf(before) < 0;
    }

    /**
     * Capital letters give "Zh" in a capitalised word but "ZH" in an all-capitals one (an abbreviation),
     * which is told apart by a capital neighbour.
     */
    private static String upper(String latin, String text, int i) {
        if (latin.isEmpty()) {
            return latin;
        }
        boolean capsWord = (i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1)))
                || (i > 0 && Character.isUpperCase(text.charAt(i - 1))
                    && (i + 1 == text.length() || !Character.isLetter(text.charAt(i + 1))));
        return capsWord ? latin.toUpperCase() : Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
    }
}
