package ua.igov.plugins.landcadastre.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.spi.UkrainianIds;

/** What the schema cannot say: the cadastral number's oblast, the tax number's check digit. */
final class LandCadastreExtractChecks implements SubmissionHandler {

    /**
     * The first two digits of a KOATUU code: the 24 oblasts, the Autonomous Republic of Crimea (01) and the cities
     * of Kyiv (80) and Sevastopol (85).
     */
    static final Set<String> OBLAST_CODES = Set.of("01", "05", "07", "12", "14", "18", "21", "23", "26", "32", "35",
            "44", "46", "48", "51", "53", "56", "59", "61", "63", "65", "68", "71", "73", "74", "80", "85");
    private static final Pattern CADASTRAL_NUMBER = Pattern.compile("[0-9]{10}:[0-9]{2}:[0-9]{3}:[0-9]{4}");

    @Override
    public void onSubmit(Submission submission) throws SubmissionRejectedException {
        List<FieldProblem> problems = new ArrayList<>();
        Object cadastralNumber = submission.form().get("cadastralNumber");
        if (!(cadastralNumber instanceof String number) || !CADASTRAL_NUMBER.matcher(number).matches()) {
            problems.add(new FieldProblem("/cadastralNumber",
                    "кадастровий номер має формат NNNNNNNNNN:NN:NNN:NNNN, наприклад 1210100000:01:001:0001"));
        } else if (!OBLAST_CODES.contains(number.substring(0, 2))) {
            problems.add(new FieldProblem("/cadastralNumber", "кадастровий номер починається з коду КОАТУУ, перші дві "
                    + "цифри якого — код області; «" + number.substring(0, 2) + "» не є кодом жодної області України"));
        }
        if (submission.form().get("applicant") instanceof Map<?, ?> applicant
                && applicant.get("taxNumber") instanceof String digits && !taxNumberValid(digits)) {
            problems.add(new FieldProblem("/applicant/taxNumber", "контрольна цифра РНОКПП не збігається — перевірте номер"));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }

    /** The taxpayer number's check digit, by the SPI's shared check. */
    static boolean taxNumberValid(String digits) {
        return UkrainianIds.isValidTaxNumber(digits);
    }
}
