package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.CatalogueService;
import ua.igov.platform.spi.LocalizedText;

class SearchTextTest {

    @Test
    void everyUkrainianApostropheIsTheSameWord() {
        List<String> expected = List.of("мясо");
        assertEquals(expected, SearchText.words("м'ясо"));
        assertEquals(expected, SearchText.words("мʼясо"));
        assertEquals(expected, SearchText.words("м’ясо"));
        assertEquals(expected, SearchText.words("м`ясо"));
        assertEquals(expected, SearchText.words("мясо"));
    }

    @Test
    void caseDoesNotMatter() {
        assertEquals(SearchText.words("реєстрація МІСЦЯ"), SearchText.words("РЕЄСТРАЦІЯ місця"));
        assertEquals(List.of("lviv", "oblast"), SearchText.words("LVIV Oblast"));
    }

    @Test
    void latinLookAlikesInsideCyrillicWordsAreFolded() {
        // as published in the catalogue: a Latin i in "Реєстрацiя", a Latin C in "Cервісний"
        assertEquals(SearchText.words("реєстрація"), SearchText.words("Реєстрацiя"));
        assertEquals(SearchText.words("сервісний"), SearchText.words("Cервісний"));
        // an English word stays English
        assertEquals(List.of("registration"), SearchText.words("Registration"));
    }

    @Test
    void wordsSplitOnPunctuationAndComposedLettersAreOne() {
        assertEquals(List.of("видача", "довідки", "про", "несудимість"), SearchText.words("Видача довідки (про несудимість)."));
        // й written as и + combining breve is the same letter as the composed й
        assertEquals(SearchText.words("район"), SearchText.words("раи\u0306он"));
        assertEquals(List.of(), SearchText.words(null));
        assertEquals(List.of(), SearchText.words(" ,.; "));
    }

    /** Typed without the letters many keyboards and habits leave out, a word is still found. */
    @Test
    void gheWithUpturnAndYiAreFoundAsTheLettersPeopleTypeForThem() {
        assertEquals(SearchText.words("ґрунтового"), SearchText.words("грунтового"));
        assertEquals(SearchText.words("Ґрунт"), SearchText.words("грунт"));
        assertEquals(SearchText.words("земельної"), SearchText.words("земельноі"));
        assertEquals(SearchText.words("Їжакевич"), SearchText.words("іжакевич"));
        assertEquals(SearchText.words("земельної"), SearchText.words("земельноï"), "a Latin ï in a Cyrillic word");
    }

    /** A Roman numeral is one word however it was typed: in Latin letters, in Cyrillic look-alikes or in both. */
    @Test
    void aRomanNumeralIsTheSameWordInEitherScript() {
        assertEquals(SearchText.words("ІІ"), SearchText.words("II"));
        assertEquals(SearchText.words("ІІ"), SearchText.words("Iі"), "mixed");
        assertEquals(SearchText.words("ІІІ"), SearchText.words("III"));
        assertEquals(SearchText.words("ХХІ століття"), SearchText.words("XXI століття"));
        // V, L and D have no Cyrillic look-alike: typed with a Cyrillic І or Х next to them, the numeral is the same
        assertEquals(SearchText.words("IV"), SearchText.words("ІV"));
        assertEquals(SearchText.words("XIV"), SearchText.words("ХІV"));
        assertEquals(SearchText.words("XL"), SearchText.words("ХL"));
        assertEquals(SearchText.words("інвалідом I чи II групи"), SearchText.words("інвалідом І чи ІІ групи"));
        assertEquals(SearchText.words("ІІІ-IV групи"), SearchText.words("III-ІV групи"));
    }

    /** As in the catalogue: one service has "I чи II групи" in Latin letters, another "ІІ групи" in Cyrillic ones. */
    @Test
    void aQueryFindsARomanNumeralTypedInTheOtherScript() {
        CatalogueEntry latin = entry("Допомога особі, яка проживає разом з інвалідом I чи II групи внаслідок психічного розладу");
        CatalogueEntry cyrillic = entry("Дозвіл на всі види досліджень з мікроорганізмами ІІ групи патогенності (небезпеки)");
        CatalogueEntry mixed = entry("Дозвіл на всі види досліджень з мікроорганізмами ІІІ-IV групи патогенності (небезпеки)");
        for (String query : new String[] {"ІІ групи", "II групи", "іі групи", "ii групи"}) {
            assertTrue(latin.score(SearchText.words(query)) > 0, query);
            assertTrue(cyrillic.score(SearchText.words(query)) > 0, query);
        }
        for (String query : new String[] {"IV групи", "ІV групи", "ІІІ-ІV", "III-IV"}) {
            assertTrue(mixed.score(SearchText.words(query)) > 0, query);
        }
        assertTrue(latin.score(SearchText.words("І групи")) > 0);
        assertTrue(latin.score(SearchText.words("I групи")) > 0);
        assertEquals(0, cyrillic.score(SearchText.words("ІV групи")));
    }

    /**
     * What is not a Roman numeral keeps its script: the Ukrainian "і" and every other Cyrillic word, English words,
     * a word with a digit in it (a model's name).
     */
    @Test
    void wordsThatAreNoRomanNumeralKeepTheirScript() {
        assertEquals(List.of("дуже", "швидко", "і", "ввічливо"), SearchText.words("Дуже швидко і ввічливо"));
        assertEquals(List.of("сім", "місто", "х", "с"), SearchText.words("Сім, місто, х, с"));
        assertEquals(List.of("id", "civil", "video", "x5", "mild", "dim"), SearchText.words("ID civil video X5 mild dim"));
        // a query's beginning still finds a Cyrillic word that begins with it
        CatalogueEntry family = entry("Державна соціальна допомога інвалідам з дитинства та багатодітним сім'ям");
        for (String query : new String[] {"сі", "сім", "с", "і", "ін", "ди"}) {
            assertTrue(family.score(SearchText.words(query)) > 0, query);
        }
    }

    /**
     * A query word typed in Latin that reads as a numeral of I, X, C, M is looked for as typed too: "ci" and "mi" still
     * begin the English words of a name (review: they had become Cyrillic "сі", "мі" and found nothing).
     */
    @Test
    void aLatinQueryThatReadsAsANumeralStillBeginsEnglishWords() {
        CatalogueEntry english = new CatalogueEntry(new CatalogueService(1, LocalizedText.of("Довідка про громадянство",
                "Certificate of citizenship for military service"), null, null, List.of(), "МВС", false), List.of());
        for (String query : new String[] {"ci", "mi", "c", "m", "citizenship", "MI"}) {
            assertTrue(english.score(SearchText.words(query)) > 0, query);
        }
        assertEquals("ci", SearchText.latinSpelling("сі"));
        assertEquals(null, SearchText.latinSpelling("ст"), "no numeral");
        assertTrue(entry("Сільськогосподарські угіддя").score(SearchText.words("сі")) > 0, "Cyrillic as before");
    }

    private static CatalogueEntry entry(String name) {
        return new CatalogueEntry(new CatalogueService(1, LocalizedText.of(name), null, null, List.of(), "МВС", false),
                List.of());
    }
}
