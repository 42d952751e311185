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

/** What the schema cannot say: the cadastral number's oblast, the tax number's and the EDRPOU code's check digits. */
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
        } else if (number.substring(11).matches("00:.*|.*:000:.*|.*:0000")) {
            // zones, quarters and plots are numbered from 01, 001 and 0001
            problems.add(new FieldProblem("/cadastralNumber", "номер кадастрової зони, кварталу й ділянки починаються "
                    + "з 01, 001 і 0001: нулі на їхньому місці — помилка в номері"));
        }
        if (submission.form().get("applicant") instanceof Map<?, ?> applicant
                && applicant.get("taxNumber") instanceof String digits && !taxNumberValid(digits)) {
            problems.add(new FieldProblem("/applicant/taxNumber", "контрольна цифра РНОКПП не збігається — перевірте номер"));
        }
        if (submission.form().get("applicant") instanceof Map<?, ?> applicant
                && applicant.get("edrpou") instanceof String code && !edrpouValid(code)) {
            problems.add(new FieldProblem("/applicant/edrpou", "контрольна цифра коду ЄДРПОУ не збігається — перевірте код"));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }

    /**
     * The EDRPOU code's check digit, the last of its eight: the first seven weighted 1 to 7 (7, 1, 2, ... 6 for
     * codes from 30 000 000 to 60 000 000), summed, modulo 11; a remainder of 10 is taken again with every weight
     * 2 more, and 10 once more counts as 0.
     */
    static boolean edrpouValid(String code) {
        if (!code.matches("[0-9]{8}")) {
            return false;
        }
        long value = Long.parseLong(code);
        int[] weights = value < 30_000_000L || value > 60_000_000L ? new int[] {1, 2, 3, 4, 5, 6, 7}
                : new int[] {7, 1, 2, 3, 4, 5, 6};
        int remainder = weightedSum(code, weights, 0) % 11;
        if (remainder == 10) {
            remainder = weightedSum(code, weights, 2) % 11;
            remainder = remainder == 10 ? 0 : remainder;
        }
        return remainder == code.charAt(7) - '0';
    }

    private static int weightedSum(String code, int[] weights, int added) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (code.charAt(i) - '0') * (weights[i] + added);
        }
        return sum;
    }

    /** The taxpayer number's check digit, by the SPI's shared check. */
    static boolean taxNumberValid(String digits) {
        return UkrainianIds.isValidTaxNumber(digits);
    }
}
