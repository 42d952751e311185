package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UkrainianTransliteratorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Згорани | Zghorany
            Розгон | Rozghon
            Знам'янка | Znamianka
            Знам’янка | Znamianka
            Київ | Kyiv
            Ізмаїл | Izmail
            Яготин | Yahotyn
            Їжакевич | Yizhakevych
            Йосипівка | Yosypivka
            Стрий | Stryi
            Юрій | Yurii
            Крюківка | Kriukivka
            Єнакієве | Yenakiieve
            Щербухи | Shcherbukhy
            Гоща | Hoshcha
            Ґорґани | Gorgany
            Львів | Lviv
            Біла Церква | Bila Tserkva
            Кам'янець-Подільський | Kamianets-Podilskyi
            Івано-Франківськ | Ivano-Frankivsk
            Дніпро (Дніпропетровськ) | Dnipro (Dnipropetrovsk)
            Недобоївська ОТГ | Nedoboivska OTH
            Жовті Води | Zhovti Vody
            """)
    void followsResolution55(String ukrainian, String latin) {
        assertEquals(latin, UkrainianTransliterator.transliterate(ukrainian));
    }
}
