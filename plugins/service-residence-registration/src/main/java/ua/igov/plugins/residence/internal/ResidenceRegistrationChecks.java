package ua.igov.plugins.residence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.spi.SubsistenceMinimum;
import ua.igov.platform.spi.UkrainianIds;

/**
 * What the schema cannot say: the applicant's age, the tax number against the birth date, the date of arrival against
 * today and the birth, a move to the same address.
 */
final class ResidenceRegistrationChecks implements SubmissionHandler {

    /**
     * From 14 to 18 a child declares their residence themselves: at their parents' (or one parent's) address freely,
     * at another home with a parent's consent (Law No. 1871-IX, art. 7 parts 2 and 3). The form asks which
     * ({@code minorsBasis}); the consent itself the parent confirms to the authority.
     */
    static final int ADULT_AGE = 18;
    /** Children under 14 are registered by their parents through a service of their own (catalogue service 184). */
    static final int MINIMUM_AGE = 14;

    private final Clock clock;

    /** With the clock whose Kyiv date is "today", whatever zone the clock itself is in. */
    ResidenceRegistrationChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onSubmit(Submission submission) throws SubmissionRejectedException {
        List<FieldProblem> problems = new ArrayList<>();
        Map<?, ?> applicant = (Map<?, ?>) submission.form().get("applicant");
        LocalDate birthDate = LocalDate.parse((String) applicant.get("birthDate"));
        LocalDate today = SubsistenceMinimum.today(clock);
        if (birthDate.isAfter(today)) {
            problems.add(new FieldProblem("/applicant/birthDate", "дата народження не може бути в майбутньому"));
        } else if (!isAtLeast(MINIMUM_AGE, birthDate, today)) {
            problems.add(new FieldProblem("/applicant/birthDate", "особам до 14 років місце проживання реєструють "
                    + "батьки через послугу «Реєстрація місця проживання дитини до чотирнадцяти років»"));
        } else if (!isAtLeast(ADULT_AGE, birthDate, today) && submission.form().get("minorsBasis") == null) {
            problems.add(new FieldProblem("/minorsBasis", "заявнику від 14 до 18 років: вкажіть, чи це адреса ваших "
                    + "батьків, чи інше житло за їхньою згодою"));
        }
        // required by the form; a date the schema let through (format "date") always parses
        if (submission.form().get("arrivedOn") instanceof String arrived) {
            LocalDate arrivedOn = LocalDate.parse(arrived);
            if (arrivedOn.isAfter(today)) {
                problems.add(new FieldProblem("/arrivedOn", "дата прибуття не може бути в майбутньому"));
            } else if (arrivedOn.isBefore(birthDate) && !birthDate.isAfter(today)) {
                // (a birth date in the future is the one that is wrong, and is said so above)
                problems.add(new FieldProblem("/arrivedOn", "дата прибуття не може бути раніше дати народження"));
            }
        }
        if (submission.form().get("document") instanceof Map<?, ?> document) {
            problems.addAll(documentProblems(document, (String) applicant.get("citizenship"), birthDate, today));
        }
        if (applicant.get("taxNumber") instanceof String digits) {
            UkrainianIds.taxNumberProblem(digits, birthDate)
                    .ifPresent(problem -> problems.add(new FieldProblem("/applicant/taxNumber", problem)));
        }
        if (submission.form().get("newAddress") instanceof Map<?, ?> newAddress) {
            problems.addAll(regionProblems(newAddress, submission.regionId()));
        }
        if (Boolean.TRUE.equals(submission.form().get("deregisterPrevious"))
                && sameAddress(submission.form().get("newAddress"), submission.form().get("previousAddress"))) {
            problems.add(new FieldProblem("/previousAddress", "попередня адреса збігається з новою"));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }

    /**
     * The first two digits of the KOATUU code, and of the KATOTTG code after its "UA", of the settlements of each
     * region the platform serves (the same numbering in both codifiers).
     */
    static final Map<String, String> REGION_CODES = Map.ofEntries(Map.entry("crimea", "01"),
            Map.entry("vinnytsia", "05"), Map.entry("volyn", "07"), Map.entry("dnipropetrovsk", "12"),
            Map.entry("donetsk", "14"), Map.entry("zhytomyr", "18"), Map.entry("zakarpattia", "21"),
            Map.entry("zaporizhzhia", "23"), Map.entry("ivano-frankivsk", "26"), Map.entry("kyiv", "32"),
            Map.entry("kirovohrad", "35"), Map.entry("luhansk", "44"), Map.entry("lviv", "46"),
            Map.entry("mykolaiv", "48"), Map.entry("odesa", "51"), Map.entry("poltava", "53"), Map.entry("rivne", "56"),
            Map.entry("sumy", "59"), Map.entry("ternopil", "61"), Map.entry("kharkiv", "63"), Map.entry("kherson", "65"),
            Map.entry("khmelnytskyi", "68"), Map.entry("cherkasy", "71"), Map.entry("chernivtsi", "73"),
            Map.entry("chernihiv", "74"), Map.entry("kyiv-city", "80"), Map.entry("sevastopol", "85"));

    /**
     * A residence is registered by the authority of the new address: an application made to one region's offering
     * for an address whose settlement code is in another region would sit in the wrong authority's queue. Only a code
     * the citizen gave says so; a region the table does not know is not checked.
     */
    static List<FieldProblem> regionProblems(Map<?, ?> newAddress, String regionId) {
        String region = REGION_CODES.get(regionId);
        if (region == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        String wrongRegion = "населений пункт з цим кодом в іншій області: місце проживання реєструють за новою "
                + "адресою, тож подайте заяву до органу тієї області";
        if (newAddress.get("katottg") instanceof String katottg && katottg.length() >= 4
                && !katottg.substring(2, 4).equals(region)) {
            problems.add(new FieldProblem("/newAddress/katottg", wrongRegion));
        }
        if (newAddress.get("koatuu") instanceof String koatuu && koatuu.length() >= 2
                && !koatuu.substring(0, 2).equals(region)) {
            problems.add(new FieldProblem("/newAddress/koatuu", wrongRegion));
        }
        return problems;
    }

    /**
     * Whether a person born on {@code birthDate} is {@code years} old on {@code day}. A term in years ends on the same
     * month and day of its last year, or, where that month has no such day, on the month's last day (Civil Code of
     * Ukraine, art. 254): someone born on 29 February turns 14 on 28 February of a common year. {@link
     * LocalDate#plusYears} moves 29 February so; {@code Period.between} would count that day as 13 years, 11 months.
     */
    static boolean isAtLeast(int years, LocalDate birthDate, LocalDate day) {
        return !day.isBefore(birthDate.plusYears(years));
    }

    /**
     * What the schema lets through about the identity document: the number's length for its kind (an ID card's
     * or a residence permit card's has 9 digits, a booklet's, passport or older residence permit, 6 after its
     * series), no series on an ID card, a
     * kind that fits the citizenship, a birth certificate (a child's document, and children are registered by their
     * parents: form 1.1 no longer offers it, so only a plugin serving 1.0 meets it; the platform checks an answer to an
     * application made on 1.0 against the stored 1.0 schema alone, since this handler serves a later version), and
     * a date of issue in the future or before the birth.
     */
    static List<FieldProblem> documentProblems(Map<?, ?> document, String citizenship, LocalDate birthDate,
                                               LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        Object type = document.get("type");
        Object number = document.get("number");
        boolean booklet = "passport-booklet".equals(type);
        // a residence permit issued before 2016 is a booklet too: a series and 6 digits; a card has 9 digits
        boolean permitBooklet = "residence-permit".equals(type) && document.get("series") != null;
        if ("birth-certificate".equals(type)) {
            problems.add(new FieldProblem("/document/type", "з 14 років особу посвідчує паспорт; свідоцтво про "
                    + "народження — документ дитини"));
        } else if (number instanceof String digits && digits.length() != (booklet || permitBooklet ? 6 : 9)) {
            if ("residence-permit".equals(type) && !permitBooklet && digits.length() == 6) {
                // 6 digits are a booklet permit's (before 2016): its series, not a card's 9 digits, is what is
                // missing, and the series field is where the citizen can give it (form 1.4 shows it for a permit)
                problems.add(new FieldProblem("/document/series", "посвідка на проживання у формі книжечки (до 2016 "
                        + "року) має серію: вкажіть її; номер посвідки-картки — 9 цифр"));
            } else {
                problems.add(new FieldProblem("/document/number", booklet || permitBooklet
                        ? "номер документа-книжечки — 6 цифр після серії"
                        : "номер ID-картки чи посвідки на проживання — 9 цифр"));
            }
        }
        if ("id-card".equals(type) && document.get("series") != null) {
            problems.add(new FieldProblem("/document/series", "ID-картка не має серії"));
        }
        boolean citizen = "UA".equals(citizenship);
        if (citizen && "residence-permit".equals(type)) {
            problems.add(new FieldProblem("/document/type", "громадянина України посвідчує паспорт, не посвідка на проживання"));
        } else if (!citizen && citizenship != null && (booklet || "id-card".equals(type))) {
            problems.add(new FieldProblem("/document/type", "паспорт громадянина України — лише для громадян; "
                    + "іноземця чи особу без громадянства посвідчує посвідка на проживання"));
        }
        if (document.get("issuedOn") instanceof String issued) {
            LocalDate issuedOn = LocalDate.parse(issued);
            if (issuedOn.isAfter(today)) {
                problems.add(new FieldProblem("/document/issuedOn", "дата видачі не може бути в майбутньому"));
            } else if (issuedOn.isBefore(birthDate)) {
                problems.add(new FieldProblem("/document/issuedOn", "документ не могли видати до народження"));
            }
        }
        return problems;
    }


    /**
     * Whether two addresses are one: the same settlement, street, building and apartment, written alike but for case
     * and surrounding spaces. A code of the settlement (KATOTTG, KOATUU) or a postal code that both give and that
     * differ makes them two: many villages share a name ("Миколаївка, вул. Шевченка, 1" is in several oblasts).
     * A code only one of them gives says nothing.
     */
    static boolean sameAddress(Object a, Object b) {
        if (!(a instanceof Map<?, ?> left) || !(b instanceof Map<?, ?> right)) {
            return false;
        }
        for (String code : List.of("katottg", "koatuu", "postalCode")) {
            String l = normalise(left.get(code));
            String r = normalise(right.get(code));
            if (!l.isEmpty() && !r.isEmpty() && !l.equals(r)) {
                return false;
            }
        }
        for (String part : List.of("settlement", "street", "building", "apartment")) {
            if (!Objects.equals(normalise(left.get(part)), normalise(right.get(part)))) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(Object value) {
        return value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
    }
}
