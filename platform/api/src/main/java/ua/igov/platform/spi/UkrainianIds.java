package ua.igov.platform.spi;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks of the state's identifiers that many service plugins need, so each plugin does not write its own: the
 * taxpayer number of a person (РНОКПП).
 */
public final class UkrainianIds {

    private static final int[] TAX_NUMBER_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
    /** A taxpayer number's first five digits count the days from this date to the person's birth. */
    private static final LocalDate TAX_NUMBER_EPOCH = LocalDate.of(1899, 12, 31);

    private UkrainianIds() {
    }

    /**
     * Whether a person's taxpayer number (РНОКПП, 10 digits) has the right check digit: the first nine digits
     * weighted -1, 5, 7, 9, 4, 6, 10, 5, 7, summed, mod 11, mod 10, is the tenth.
     */
    public static boolean isValidTaxNumber(String digits) {
        if (digits == null || !digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * TAX_NUMBER_WEIGHTS[i];
        }
        return Math.floorMod(sum, 11) % 10 == digits.charAt(9) - '0';
    }

    /**
     * The date of birth a valid taxpayer number gives: its first five digits are the days from 31 December 1899
     * to the birth. A form asking for both can tell a mistyped number, or a mistyped date, whose check digit
     * happens to hold. Empty when the number is not valid ({@link #isValidTaxNumber}).
     *
     * @since 1.4
     */
    public static Optional<LocalDate> birthDateInTaxNumber(String digits) {
        return isValidTaxNumber(digits)
                ? Optional.of(TAX_NUMBER_EPOCH.plusDays(Integer.parseInt(digits.substring(0, 5))))
                : Optional.empty();
    }

    /**
     * What is wrong with a person's taxpayer number, in Ukrainian for the citizen, or empty if nothing is: a wrong
     * check digit, or (when {@code birthDate} is given) a number that belongs to someone born on another day.
     *
     * @since 1.4
     */
    public static Optional<String> taxNumberProblem(String digits, LocalDate birthDate) {
        Optional<LocalDate> born = birthDateInTaxNumber(digits);
        if (born.isEmpty()) {
            return Optional.of("контрольна цифра РНОКПП не збігається — перевірте номер");
        }
        if (birthDate != null && !born.get().equals(birthDate)) {
            java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
            return Optional.of("РНОКПП належить особі, яка народилася " + date.format(born.get())
                    + ", а в заяві дата народження " + date.format(birthDate) + " — перевірте номер і дату");
        }
        return Optional.empty();
    }
}
