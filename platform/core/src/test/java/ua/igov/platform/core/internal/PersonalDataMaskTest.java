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
        assertEquals("ІПН:" + M + " дякую", PersonalDataMask.mask("ІПН:1234567890 дякую"));
        assertEquals("ID-картка:" + M, PersonalDataMask.mask("ID-картка:123456789"));
        assertEquals("РНОКПП-" + M, PersonalDataMask.mask("РНОКПП-3012345678"));
        assertEquals("паспорт " + M + " видано", PersonalDataMask.mask("паспорт КА 123456 видано"));
        assertEquals("паспорт " + M, PersonalDataMask.mask("паспорт МЕ№654321"));
        assertEquals("картка " + M + " ok", PersonalDataMask.mask("картка 4111 1111 1111 1111 ok"));
        assertEquals("картка " + M, PersonalDataMask.mask("картка 5375414112345672"));
        assertEquals("рахунок " + M, PersonalDataMask.mask("рахунок UA213223130000026007233566001"));
        assertEquals("рахунок " + M + ".", PersonalDataMask.mask("рахунок UA21 3223 1300 0002 6007 2335 6600 1."));
    }

    @Test
    void masksAHomeAddressButNotAnOfficesAddress() {
        assertEquals("Надішліть на " + M + ", дякую", PersonalDataMask.mask("Надішліть на вул. Шевченка, 5, кв. 12, дякую"));
        assertEquals("живу " + M + ".", PersonalDataMask.mask("живу Просп. Миру 10/2 квартира 7А."));
        assertEquals("адреса: " + M, PersonalDataMask.mask("адреса: вулиця Івана Франка, буд. 3, кв.№45"));
        assertEquals("на " + M + " нікого", PersonalDataMask.mask("на бульв. Лесі Українки 24 кв 8 нікого"));
        // an office, a street without a flat, or a flat without a street: nothing that finds someone's home
        for (String kept : new String[] {
                "ЦНАП на вул. Хрещатик, 36, кабінет 12.",
                "На пл. Ринок черга. Квартал 3 закритий.",
                "Прийшов у кв. 5? Ні, у кабінет 5.",
                "Вулиця перекрита; кв. 3 звіту не подано."}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
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
                "Дуже швидко і ввічливо!",
                "Заяви 1-00000042-0 1-00000043-8 1-00000044-6 розглянули.",
                "Було 12.11.2026 10.30, потім 13.11.2026 11.45.",
                "Чекав з 01.02.2023–15.03.2023, а розгляд 12.03.2023 – 15.03.2023.",
                "з 01.03 – 15.03.2026, ЦНАП – чудово, 08:00–20:00, 120–150 людей",
                "У податковій 27.11.2026 14:30 сказали, ІПН отримав 27.11.2026 14:30.",
                "паспорт за 150000 грн не роблять"}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
        assertNull(PersonalDataMask.mask(null));
        assertEquals("", PersonalDataMask.mask(""));
    }

    /**
     * Written as people copy and type them: no-break spaces from a web page, an autocorrected dash, zero-width
     * spaces, a number written backwards behind a right-to-left override; a passport with a hyphen or in lower case
     * after the word; a taxpayer number in groups; an IBAN with hyphens; the ID card's register number.
     */
    @Test
    void masksNumbersWrittenWithOtherSpacesDashesAndInvisibleCharacters() {
        assertEquals("тел " + M, PersonalDataMask.mask("тел 067\u00A0123\u00A045\u00A067"));
        assertEquals(M, PersonalDataMask.mask("+38\u00A0067\u00A0123\u00A045\u00A067"));
        assertEquals(M, PersonalDataMask.mask("067–123–45–67"));
        assertEquals(M, PersonalDataMask.mask("067\u2011123\u201145\u201167"));
        assertEquals("картка " + M, PersonalDataMask.mask("картка 4111\u00A01111\u00A01111\u00A01111"));
        assertEquals(M, PersonalDataMask.mask("067\u200B123\u200B45\u200B67"));
        assertEquals("тел " + M, PersonalDataMask.mask("тел \u202E067-123-45-67"));
        assertEquals("паспорт " + M, PersonalDataMask.mask("паспорт кв 123456"));
        assertEquals(M + " видано", PersonalDataMask.mask("КВ-123456 видано"));
        assertEquals("серія " + M, PersonalDataMask.mask("серія КВ номер 123456"));
        assertEquals("ІПН " + M, PersonalDataMask.mask("ІПН 3012 345 678"));
        assertEquals("РНОКПП: " + M, PersonalDataMask.mask("РНОКПП: 3012-345-678"));
        assertEquals("податковий номер " + M, PersonalDataMask.mask("податковий номер 30 12 34 56 78"));
        assertEquals(M, PersonalDataMask.mask("067\u00AD123\u00AD45\u00AD67"), "soft hyphens");
        assertEquals(M, PersonalDataMask.mask("067\u200E123\u200F45 67"), "direction marks");
        assertEquals("о 2026 11 27 14:00", PersonalDataMask.mask("о 2026 11 27 14:00"), "unnamed: a date and a time");
        assertEquals(M, PersonalDataMask.mask("UA21 3223-1300-0002-6007-2335-6600-1"));
        assertEquals("УНЗР " + M, PersonalDataMask.mask("УНЗР 19850315-01234"));
        assertEquals("👍🏽 👨‍👩‍👧 дякую", PersonalDataMask.mask("👍🏽 👨‍👩‍👧 дякую"), "emoji keep their joiners");
        assertEquals("Заява 1-00000003-2 і 1-00000042-0", PersonalDataMask.mask("Заява 1-00000003-2 і 1-00000042-0"));
        assertEquals("на 150000 грн дорожче", PersonalDataMask.mask("на 150000 грн дорожче"), "a sum is not a passport");
    }

    /** A phone or card number written next to another number is still masked, and the other number kept. */
    @Test
    void aNumberNextToAnotherIsStillFound() {
        assertEquals("Мій номер [приховано] 2 тижні чекав", PersonalDataMask.mask("Мій номер 097 123 45 67 2 тижні чекав"));
        assertEquals("з 9 до 18 [приховано]", PersonalDataMask.mask("з 9 до 18 097 123 45 67"));
        assertEquals("[приховано] 1 раз", PersonalDataMask.mask("+38 (097) 123-45-67 1 раз"));
        assertEquals("картка [приховано] 2 рази", PersonalDataMask.mask("картка 4111 1111 1111 1111 2 рази"));
        assertEquals("дзвоніть [приховано] або [приховано]",
                PersonalDataMask.mask("дзвоніть 097 123 45 67 або 050 765 43 21"));
    }

    /** Contacts spelled out so that robots miss them, messenger handles and a driving licence are masked too. */
    @Test
    void masksSpelledOutAddressesHandlesAndDrivingLicences() {
        assertEquals("пишіть " + M + ", дякую", PersonalDataMask.mask("пишіть ivan (at) gmail.com, дякую"));
        assertEquals(M, PersonalDataMask.mask("ivan.p[собака]ukr.net"));
        assertEquals("mail " + M + " please", PersonalDataMask.mask("mail ivan at gmail dot com please"));
        assertEquals(M + " ok", PersonalDataMask.mask("taras_sh (at) i (dot) ua ok"));
        assertEquals("телеграм " + M + ", інстаграм " + M,
                PersonalDataMask.mask("телеграм @taras_sh, інстаграм t.me/Taras_Shevchenko"));
        assertEquals("посвідчення водія " + M, PersonalDataMask.mask("посвідчення водія ВХМ 123456"));
        assertEquals(M + " видане", PersonalDataMask.mask("АВА№654321 видане"));
        for (String kept : new String[] {
                "I was at home.Then I came.",
                "Моя собака Бровко.Дякую, собака at home.",
                "Збір UAH 150000 і EUR 100000 за @igov? Дякую @ЦНАП!",
                "ЦНАП 123456 людей прийняв, ДМС відповіла.",
                "at least 5 days"}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
    }

    /**
     * A phone written with dots is a phone: only dot-separated groups that can be a date (dd.mm, dd.mm.yy,
     * dd.mm.yyyy) or a time (hh.mm), no further groups around them, are kept, not any "67.12" inside a longer run.
     */
    @Test
    void aPhoneWrittenWithDotsIsMaskedAndADateStays() {
        assertEquals("Дзвоніть " + M, PersonalDataMask.mask("Дзвоніть 067.123.45.67"));
        assertEquals(M, PersonalDataMask.mask("067.123.4567"));
        assertEquals(M, PersonalDataMask.mask("(067) 123.45.67"));
        assertEquals("тел:" + M, PersonalDataMask.mask("тел:+38.067.123.45.67"));
        assertEquals(M + ", дякую", PersonalDataMask.mask("067.123.12.11, дякую"), "12.11 inside a phone is no date");
        assertEquals("Подав 12.11.2026 " + M, PersonalDataMask.mask("Подав 12.11.2026 067.123.45.67"));
        assertEquals("з 01.03 " + M, PersonalDataMask.mask("з 01.03 067 123 45 67"));
        assertEquals("дзвонив о 10.30 " + M, PersonalDataMask.mask("дзвонив о 10.30 067 123 45 67"), "a time stays");
        for (String kept : new String[] {
                "Подав 12.11.26 10.30, отримав 13.11.2026.",
                "Прийом 1.12.2026 – 31.12.2026, з 08.00 до 17.30.",
                "Версія 10.0.19045.3693 не відкриває сайт."}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
    }

    /** Every phone in a row of numbers is masked whole, however many numbers are written next to it. */
    @Test
    void everyPhoneInARowOfNumbersIsMaskedWhole() {
        assertEquals("Заява 1-00000001-6 " + M + " передзвоніть",
                PersonalDataMask.mask("Заява 1-00000001-6 067 123 45 67 передзвоніть"));
        assertEquals(M + " " + M, PersonalDataMask.mask("067-123-45-67 050-765-43-21"));
        assertEquals("Мої телефони: " + M + " " + M, PersonalDataMask.mask("Мої телефони: 067 123 45 67 050 765 43 21"));
        assertEquals(M + " " + M + " " + M, PersonalDataMask.mask("067 123 45 67 050 765 43 21 093 111 22 33"));
        assertEquals("Заяви 1-00000042-0 1-00000043-8 " + M + " 1-00000044-6",
                PersonalDataMask.mask("Заяви 1-00000042-0 1-00000043-8 +38 (067) 123-45-67 1-00000044-6"));
        assertEquals("картка " + M + " тел " + M,
                PersonalDataMask.mask("картка 4111 1111 1111 1111 тел 0671234567"));
        assertEquals(M + " " + M, PersonalDataMask.mask("4111 1111 1111 1111 067 123 45 67"));
    }

    /** An address with spaces around its "@" or a dot is masked whole; a spaced "@" in prose stays. */
    @Test
    void anAddressWithSpacesAroundItsAtIsMaskedWhole() {
        assertEquals("пишіть " + M, PersonalDataMask.mask("пишіть ivan @ gmail.com"));
        assertEquals(M, PersonalDataMask.mask("ivan@ gmail.com"));
        assertEquals(M, PersonalDataMask.mask("ivan@gmail .com"));
        assertEquals(M, PersonalDataMask.mask("ivan @gmail.com"));
        assertEquals("пошта " + M + ", дякую", PersonalDataMask.mask("пошта Ivan.P @ ukr . net, дякую"));
        assertEquals(M + " або " + M, PersonalDataMask.mask("ivan @ i.ua або taras @ meta.ua"));
        for (String kept : new String[] {
                "я @ дома",
                "Дякую @ diia.gov.ua, все вийшло",
                "Зустрілись @ ЦНАП о 10:00.",
                "ivan @ home"}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
    }

    /** Instagram allows single dots inside a handle: it is masked whole, and a dot ending the sentence stays. */
    @Test
    void aHandleWithDotsIsMaskedWhole() {
        assertEquals(M, PersonalDataMask.mask("@taras.shevchenko"));
        assertEquals("інстаграм " + M + ".", PersonalDataMask.mask("інстаграм @taras.shevchenko."));
        assertEquals("пишіть " + M + ".Дякую", PersonalDataMask.mask("пишіть @taras_sh.Дякую"));
        assertEquals(M + " ok", PersonalDataMask.mask("@taras.sh_1985 ok"));
        assertEquals("Дякую @ЦНАП.", PersonalDataMask.mask("Дякую @ЦНАП."));
    }

    /** A street abbreviated without its dot, or as "пр.", "пр-т", "бул.", is a street: with a flat, it is a home. */
    @Test
    void aHomeAddressWithOtherStreetAbbreviationsIsMasked() {
        assertEquals("живу " + M, PersonalDataMask.mask("живу вул Шевченка 5 кв 12"));
        assertEquals(M + ", дякую", PersonalDataMask.mask("пр. Перемоги 10, кв. 5, дякую"));
        assertEquals(M, PersonalDataMask.mask("пр-т Перемоги 10, кв. 5"));
        assertEquals(M, PersonalDataMask.mask("пр-кт Перемоги 10 кв. 5"));
        assertEquals(M, PersonalDataMask.mask("бул. Лесі Українки 5, кв 3"));
        assertEquals(M, PersonalDataMask.mask("бул Лесі Українки 5 кв 3"));
        assertEquals("адреса: " + M, PersonalDataMask.mask("адреса: просп Миру 7 кв 1"));
        for (String kept : new String[] {
                "ЦНАП на пр. Перемоги 10, кабінет 5.",
                "ЦНАП на вул Хрещатик 36; кв. 5 не знайшли.",
                "Прийом: пр-т Миру 7, вікно 3.",
                "Вулиця перекрита, кварталом 3 не пройти."}) {
            assertEquals(kept, PersonalDataMask.mask(kept), kept);
        }
    }
}
