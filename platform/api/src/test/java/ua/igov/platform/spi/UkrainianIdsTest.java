package ua.igov.platform.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UkrainianIdsTest {

    @Test
    void taxNumberCheckDigitFollowsTheStateAlgorithm() {
        assertTrue(UkrainianIds.isValidTaxNumber("3253208770"));
        assertTrue(UkrainianIds.isValidTaxNumber("3294001234"));
        assertFalse(UkrainianIds.isValidTaxNumber("3253208771"));
        assertFalse(UkrainianIds.isValidTaxNumber("32532087"));
        assertFalse(UkrainianIds.isValidTaxNumber("32532087ab"));
        assertFalse(UkrainianIds.isValidTaxNumber(null));
    }

    @Test
    void aTaxNumberBeginsWithTheDaysFromTheLastDayOf1899ToTheBirth() {
        assertEquals(Optional.of(LocalDate.of(1990, 3, 9)), UkrainianIds.birthDateInTaxNumber("3294008776"));
        assertEquals(Optional.of(LocalDate.of(1989, 1, 25)), UkrainianIds.birthDateInTaxNumber("3253208770"));
        assertEquals(Optional.of(LocalDate.of(1900, 1, 1)), UkrainianIds.birthDateInTaxNumber("0000100004"));
        assertEquals(Optional.empty(), UkrainianIds.birthDateInTaxNumber("3294008777"), "a wrong check digit");
        assertEquals(Optional.empty(), UkrainianIds.birthDateInTaxNumber(null));
    }

    @Test
    void aTaxNumberOfSomeoneBornOnAnotherDayIsAProblemNamingBothDates() {
        assertEquals(Optional.empty(), UkrainianIds.taxNumberProblem("3294008776", LocalDate.of(1990, 3, 9)));
        assertEquals(Optional.empty(), UkrainianIds.taxNumberProblem("3294008776", null), "no date to compare");
        String problem = UkrainianIds.taxNumberProblem("3253208770", LocalDate.of(1990, 3, 9)).orElseThrow();
        assertTrue(problem.contains("25.01.1989") && problem.contains("09.03.1990"), problem);
        assertTrue(UkrainianIds.taxNumberProblem("3294008777", LocalDate.of(1990, 3, 9)).orElseThrow()
                .contains("контрольна цифра"));
    }
}
