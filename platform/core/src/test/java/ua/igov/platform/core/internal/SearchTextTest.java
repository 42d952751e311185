package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

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
}
