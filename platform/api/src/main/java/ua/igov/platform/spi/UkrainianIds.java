package ua.igov.platform.spi;

/**
 * Checks of the state's identifiers that many service plugins need, so each plugin does not write its own: the
 * taxpayer number of a person (РНОКПП).
 */
public final class UkrainianIds {

    private static final int[] TAX_NUMBER_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};

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
}
