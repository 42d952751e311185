package ua.igov.platform.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
