package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    private static final String M = PersonalDataMask.MASK;

    @Test
    void masksContactsAndIdentityNumbers() {
        assertEquals("Пишіть на " + M + ", дякую", PersonalDataMask.mask("Пишіть на taras.shevchenko+igov@ukr.net, дякую"));
        assertEquals("Мій номер " + M + ".", PersonalDataMask.mask("Мій номер +380 (50) 123-45-67."));
        assertEquals("дзвоніть " + M + " або " + M, PersonalDataMask.mask("дзвоніть 050 123 45 67 або 0501234567"));
        assertEquals("тел. " + M, PersonalDataMask.mask("тел. 380501234567"));
        assertEquals("РНОКПП " + M + " вказано", PersonalDataMask.mask("РНОКПП 3012345678 вказано"));
        assertEquals("ID-картка " + M, PersonalDataMask.mask("ID-картка 001234567"));
        assertEquals("паспорт " + M + " видано", PersonalDataMask.mask("паспорт КА 123456 видано"));
        assertEquals("паспорт " + M, PersonalDataMask.mask("паспорт МЕ№654321"));
        assertEquals("картка " + M + " ok", PersonalDataMask.mask("картка 4111 1111 1111 1111 ok"));
        assertEquals("картка " + M, PersonalDataMask.mask("картка 5375414112345672"));
        assertEquals("рахунок " + M, PersonalDataMask.mask("рахунок UA213223130000026007233566001"));
        assertEquals("рахунок " + M + ".", PersonalDataMask.mask("рахунок UA21 3223 1300 0002 6007 2335 6600 1."));
    }

    @Test
    void keepsWhatIsSaidAboutTheService() {
        for (String kept : new String[] {
                "Чекав 3 дні, а обіцяли 1. Оцінка 2 з 5.",
                "Подав 25.11.2026 о 10:15, отримав 2026-11-27 14:00.",
                "Збір 85,00 грн, черга 120 людей, вікно 12.",
                "Код послуги 1537, ЦНАП на вул. Хрещатик 36.",
                "Номер заяви 1-00000001-6, довідка 2026/123456.",
                "Заплатив 1 234 567 890 123 копійок? Ні, 1234567890123 не картка.",
                "Дуже швидко і ввічливо!"}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
        assertNull(PersonalDataMask.mask(null));
        assertEquals("", PersonalDataMask.mask(""));
    }
}
