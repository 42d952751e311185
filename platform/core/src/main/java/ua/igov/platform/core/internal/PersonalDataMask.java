package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what is most often typed into a public review by mistake: e-mail addresses (also spelled out, "ivan (at)
 * ukr.net"), messenger handles, Ukrainian phone numbers, the 10-digit taxpayer number (РНОКПП), passport, ID-card and
 * driving-licence numbers, the ID card's register number (УНЗР), payment card numbers and IBANs. The stored text is left as written (operators
 * see it, and hide a comment that says more than a pattern can catch); only what the public reads is masked.
 *
 * <p>The patterns are deliberately narrow, so that what a citizen says about the service survives: a phone number
 * must look like one (10 digits starting with 0, or 12 starting with 380, separators allowed), and a bare number
 * is masked only when it stands alone with 9 or 10 digits. Dates, times, fees and counts are kept.
 *
 * <p>A street address is masked only when it names a flat ("вул. Шевченка, 5, кв. 12"): that is someone's home,
 * while an address without one is most often the office a review is about ("ЦНАП на вул. Хрещатик, 36"), which
 * stays. People's names are not masked: no pattern tells them from the words around them.
 */
final class PersonalDataMask {

    static final String MASK = "[приховано]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** The top-level domains an address must end in where it is not written as usual (spaced "@", spelled "at"). */
    private static final String COMMON_TLD = "(?:com|net|org|ua|info|io|me|eu|biz)(?![\\p{L}\\p{N}])";
    /** The dot of a domain, as written or spelled out: "gmail.com", "gmail (dot) com", "gmail крапка com". */
    private static final String DOMAIN_DOT = "(?:\\.|\\s*[(\\[{<]\\s*(?:dot|крапка)\\s*[)\\]}>]\\s*|\\s(?:dot|крапка)\\s)";
    /**
     * An address written so that robots miss it: "ivan (at) gmail.com", "ivan[собака]ukr.net", "ivan at gmail dot
     * com". Its domain is Latin and its dots unspaced (or spelled out); after an "at" or "собака" without brackets,
     * the domain must also end in a common top-level domain, so that prose ("at home.Then") stays.
     */
    private static final Pattern SPELLED_EMAIL = Pattern.compile("(?iu)[\\p{L}\\p{N}._%+-]+(?:"
            + "\\s*[(\\[{<]\\s*(?:at|собака|равлик)\\s*[)\\]}>]\\s*[a-z0-9-]+(?:" + DOMAIN_DOT + "[a-z0-9-]+)+"
            + "|\\s(?:at|собака|равлик)\\s(?:[a-z0-9-]+" + DOMAIN_DOT + ")+" + COMMON_TLD + ")");
    /**
     * An address written with spaces around its "@" or a dot ("ivan @ gmail.com", "ivan@ gmail.com", "ivan@gmail
     * .com"). As such spaces also stand between words, the part before the "@" must be Latin and the domain Latin
     * labels ending in a common top-level domain: "я @ дома", "за @igov" and "Дякую @ diia.gov.ua" stay.
     */
    private static final Pattern SPACED_EMAIL = Pattern.compile("(?i)[a-z0-9][a-z0-9._%+-]*\\s*@\\s*"
            + "(?:[a-z0-9-]+\\s*\\.\\s*)+" + COMMON_TLD);
    /**
     * A messenger handle ("@taras_sh", "@taras.shevchenko", "t.me/taras_sh"): 5 to 32 Latin letters, digits or
     * underscores, as Telegram and Instagram allow, and the single dots Instagram allows between them; it finds the
     * person as surely as a phone number. A dot that ends a sentence is not part of it.
     */
    private static final Pattern HANDLE = Pattern.compile("(?i)(?:(?<![\\p{L}\\p{N}_.])@|(?<![\\p{L}\\p{N}_])t\\.me/)"
            + "[a-z0-9_](?:\\.?[a-z0-9_]){4,31}(?![\\p{L}\\p{N}_]|\\.[a-z0-9_])");
    /**
     * A run that may be a phone or card number written with spaces, hyphens (or the dashes autocorrect writes for
     * them: "067–123–45–67"), dots or brackets; its digits decide. It is not cut at any length: numbers written one
     * after another ("067 123 45 67 050 765 43 21", a tracking number and a phone) are one run, taken apart below.
     */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\(?\\d[\\d\\s().\\u2010-\\u2015\\u2212-]{8,}\\d");
    /** A Ukrainian IBAN (UA, 2 check digits, 25 more), with or without spaces or hyphens. */
    private static final Pattern IBAN = Pattern.compile(
            "(?i)(?<!\\p{L})UA[\\s\\u2010-\\u2015\\u2212-]*\\d{2}(?:[\\s\\u2010-\\u2015\\u2212-]*\\d){25}(?!\\d)");
    /** The unique entry number of the demographic register (УНЗР) on an ID card: a birth date and 5 digits. */
    private static final Pattern UNZR = Pattern.compile("(?<![\\d-])\\d{8}-\\d{5}(?![\\d-])");
    private static final Pattern UKRAINIAN_PHONE = Pattern.compile("(?:38)?0\\d{9}");
    /**
     * РНОКПП (10 digits) or an ID card's number (9 digits), written as one number. Not part of a longer number, a
     * decimal or a path ("2026/123456789"); a colon or dash before it, as in "ІПН:3012345678", is how people write
     * one, so it is masked.
     */
    private static final Pattern BARE_NUMBER = Pattern.compile("(?<![\\d.,/])\\d{9,10}(?![\\d.,:/-]\\d)");
    /**
     * A passport book's series and number: two Cyrillic (or look-alike Latin) capitals and six digits, with a space,
     * hyphen, "№" or "номер" between them ("КВ 123456", "КВ-123456", "серія КВ номер 123456").
     */
    private static final Pattern PASSPORT = Pattern.compile(
            "(?<!\\p{L})[А-ЯІЇЄҐA-Z]{2}[\\s№-]*(?:номер\\s*№?\\s*)?\\d{6}(?!\\d)");
    /**
     * A driving licence's series and number: three capitals and six digits ("ВХМ 123456", "АВА№654321"). Two
     * capitals are a passport's, above. A currency's code before a sum ("UAH 150000") is not one.
     */
    private static final Pattern DRIVING_LICENCE = Pattern.compile(
            "(?<!\\p{L})(?!(?:UAH|USD|EUR|GBP|PLN)\\b)[А-ЯІЇЄҐA-Z]{3}[\\s№-]*\\d{6}(?!\\d)");
    /** The same after the word "паспорт", where the series may be in lower case ("паспорт кв 123456"). */
    private static final Pattern NAMED_PASSPORT = Pattern.compile("(?iu)(?<!\\p{L})(паспорт\\p{L}*[\\s:№-]*"
            + "(?:серія\\s*)?)(?!(?:за|на|до|по|та|зі|із|не|це)[\\s№-])\\p{L}{2}[\\s№-]*(?:номер\\s*№?\\s*)?\\d{6}(?!\\d)");
    /**
     * What makes text look other than it is: zero-width spaces inside a number ("067\u200B123…" reads as a phone)
     * and bidirectional overrides (a number written backwards shows the right way round). The zero-width joiner,
     * which emoji sequences need, stays.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}&&[^\\u200D\\x{E0020}-\\x{E007F}]]");
    /** Spaces other than the plain one (a no-break space copied from a web page). */
    private static final Pattern OTHER_SPACE = Pattern.compile("\\p{Zs}");
    /**
     * A date, with or without its year (dd.mm, dd.mm.yy, dd.mm.yyyy), or a time (hh.mm), its digits a date's or a
     * time's rather than part of a phone number. Its groups are whole, and no more dot-separated groups go on before
     * or after it: "67.12" inside "067.123.45.67" is not one. Whether it can be a date or a time is checked too
     * ({@link #datesAndTimes}).
     */
    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "(?<!\\d)(?<!\\d\\.)(\\d{1,2})\\.(\\d{1,2})(\\.(?:\\d{4}|\\d{2}))?(?!\\d|\\.\\d)");

    /**
     * A street (by its Ukrainian abbreviation, with or without the dot, or full word) followed, within the same
     * clause, by a flat number: "вул. Шевченка, 5, кв. 12", "вул Шевченка 5 кв 12", "просп. Миру 10/2 квартира 7",
     * "пр-т Перемоги 10, кв. 5", "бул. Лесі Українки 5, кв 3".
     */
    private static final Pattern HOME_ADDRESS = Pattern.compile("(?iU)(?<!\\p{L})(?:(?:вул(?:иця|иці)?"
            + "|просп(?:ект|екті)?|пр|пров(?:улок|улку)?|бульв(?:ар|арі)?|бул|пл(?:оща|ощі)?|мкрн?)(?:\\.|(?!\\p{L}))"
            + "|пр-к?т|б-р|узвіз|узвозі|шосе|ж/м)"
            + "\\s*[^\\n;:!?]{1,60}?(?<!\\p{L})кв(?:артира|артирі|\\.)?\\s*№?\\s*\\d+\\p{L}?");

    private PersonalDataMask() {
    }

    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Invisible characters are dropped and every space is a plain one, in what the public reads too: the patterns
        // below then see the number a reader would see. Dashes stay as written; the patterns take them.
        String plain = INVISIBLE.matcher(text).replaceAll("");
        plain = OTHER_SPACE.matcher(plain).replaceAll(" ");
        String masked = HOME_ADDRESS.matcher(plain).replaceAll(MASK);
        masked = EMAIL.matcher(masked).replaceAll(MASK);
        masked = SPACED_EMAIL.matcher(masked).replaceAll(MASK);
        masked = SPELLED_EMAIL.matcher(masked).replaceAll(MASK);
        masked = HANDLE.matcher(masked).replaceAll(MASK);
        masked = IBAN.matcher(masked).replaceAll(MASK);
        masked = UNZR.matcher(masked).replaceAll(MASK);
        masked = replacePhonesAndCards(masked);
        masked = BARE_NUMBER.matcher(masked).replaceAll(MASK);
        masked = NAMED_PASSPORT.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = DRIVING_LICENCE.matcher(masked).replaceAll(MASK);
        return PASSPORT.matcher(masked).replaceAll(MASK);
    }

    private static String replacePhonesAndCards(String text) {
        Matcher m = PHONE_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            String digits = run.replaceAll("\\D", "");
            String before = text.substring(Math.max(0, m.start() - 24), m.start());
            // a run with a date or a time in it ("з 01.02.2023-15.03.2023", "о 10.30 097…") is not one number; what
            // else is in it is looked for
            List<int[]> dates = datesAndTimes(run);
            boolean whole = dates.isEmpty() && (personal(digits) || taxNumberInParts(run, digits, before));
            m.appendReplacement(out, whole ? MASK : Matcher.quoteReplacement(maskWithin(run, dates)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean personal(String digits) {
        return UKRAINIAN_PHONE.matcher(digits).matches() || (digits.length() >= 13 && digits.length() <= 19 && luhn(digits));
    }

    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d+");

    /** What names a taxpayer number just before it. */
    private static final Pattern TAX_NUMBER_NAMED = Pattern.compile(
            "(?iu)(?<!\\p{L})(ІПН|РНОКПП|ДРФО|(?:ідентифікаційн|податков)\\p{L}*\\s+(?:номер|код)\\p{L}*)[\\s:№-]*$");

    /**
     * A РНОКПП written in groups ("ІПН 3012 345 678", "РНОКПП: 30 12 34 56 78"), named as one just before it: 10
     * digits, not starting with 0 (that would be a phone), every group 2 to 4 digits. Unnamed, ten digits in groups
     * are as often a date and a time ("2026-11-27 14:00") as anything personal.
     */
    private static boolean taxNumberInParts(String run, String digits, String before) {
        if (digits.length() != 10 || digits.charAt(0) == '0' || run.contains(".")
                || !TAX_NUMBER_NAMED.matcher(before).find()) {
            return false;
        }
        List<int[]> groups = new ArrayList<>();
        Matcher g = DIGIT_GROUP.matcher(run);
        while (g.find()) {
            groups.add(new int[] {g.start(), g.end()});
        }
        return groups.size() > 1 && writtenInParts(groups, 0, groups.size() - 1);
    }

    /**
     * Where the run has a date that can be one (a day 1 to 31, a month 1 to 12) or a time (hours to 23, two digits
     * of minutes to 59), as {start, end}.
     */
    private static List<int[]> datesAndTimes(String run) {
        List<int[]> dates = new ArrayList<>();
        Matcher d = DATE_OR_TIME.matcher(run);
        while (d.find()) {
            int first = Integer.parseInt(d.group(1));
            int second = Integer.parseInt(d.group(2));
            boolean date = first >= 1 && first <= 31 && second >= 1 && second <= 12;
            boolean time = d.group(3) == null && d.group(2).length() == 2 && first <= 23 && second <= 59;
            if (date || time) {
                dates.add(new int[] {d.start(), d.end()});
            }
        }
        return dates;
    }

    /** The most digits one phone or card number can have. */
    private static final int LONGEST = 19;

    /**
     * A run that is not a phone or card number as a whole may still hold one or several, next to other numbers
     * ("097 123 45 67 2 тижні", "з 9 до 18 097 123 45 67", "1-00000001-6 067 123 45 67", two phones one after the
     * other): the run's digit groups are split into stretches so that as many digits as possible are in a phone or
     * card number, and those stretches are masked (of equally good splits, the one with the longest stretch first).
     * A stretch of several groups counts only if each has 2 to 4 digits, as phone and card numbers are written, so
     * that a tracking number's 8-digit part or a lone "1" never joins one; a date's or a time's groups never do.
     */
    private static String maskWithin(String run, List<int[]> dates) {
        List<int[]> groups = new ArrayList<>();
        Matcher g = DIGIT_GROUP.matcher(run);
        while (g.find()) {
            groups.add(new int[] {g.start(), g.end()});
        }
        int n = groups.size();
        boolean[] dated = new boolean[n];
        for (int k = 0; k < n; k++) {
            for (int[] date : dates) {
                dated[k] |= groups.get(k)[0] >= date[0] && groups.get(k)[1] <= date[1];
            }
        }
        // masked[i]: the most digits in a phone or card number among groups i..n-1; until[i]: the last group of the
        // stretch that starts at group i in that split, or -1 if group i is in none
        int[] masked = new int[n + 1];
        int[] until = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            masked[i] = masked[i + 1];
            until[i] = -1;
            StringBuilder digits = new StringBuilder();
            for (int j = i; j < n; j++) {
                if (j > i && (dated[i] || dated[j] || !writtenInParts(groups, i, j))) {
                    break; // phones are written in groups of 2 to 4 digits; a date or a time is not part of one
                }
                digits.append(run, groups.get(j)[0], groups.get(j)[1]);
                if (digits.length() > LONGEST) {
                    break;
                }
                int total = digits.length() + masked[j + 1];
                // the longer stretch wins a tie, and a stretch from here wins one against leaving this group out
                if (personal(digits.toString()) && total >= masked[i]) {
                    masked[i] = total;
                    until[i] = j;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            if (until[i] < 0) {
                continue;
            }
            int j = until[i];
            int from = groups.get(i)[0];
            while (from > copied && (run.charAt(from - 1) == '+' || run.charAt(from - 1) == '(')) {
                from--;
            }
            int to = groups.get(j)[1];
            while (to < run.length() && run.charAt(to) == ')') {
                to++;
            }
            out.append(run, copied, from).append(MASK);
            copied = to;
            i = j;
        }
        return out.append(run.substring(copied)).toString();
    }

    private static boolean writtenInParts(List<int[]> groups, int from, int to) {
        for (int k = from; k <= to; k++) {
            int length = groups.get(k)[1] - groups.get(k)[0];
            if (length < 2 || length > 4) {
                return false;
            }
        }
        return true;
    }

    /** Payment card numbers carry a Luhn check digit; a long number that fails it is not a card. */
    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
