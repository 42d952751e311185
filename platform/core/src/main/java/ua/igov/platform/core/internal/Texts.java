package ua.igov.platform.core.internal;

/** What the platform takes as text someone wrote, as opposed to a field filled with nothing one can read. */
final class Texts {

    private Texts() {
    }

    /**
     * Whether {@code text} has nothing a reader could see: no letter, digit, punctuation mark or symbol. Java's
     * {@code isBlank} counts a no-break space, a zero-width space or a byte-order mark as something, so a reason of
     * {@code "\u00a0"} would stand in the history as a reason nobody can read.
     */
    static boolean blank(String text) {
        return text == null || text.codePoints().noneMatch(Texts::visible);
    }

    /**
     * Characters Unicode files as letters or symbols that show nothing: the Hangul fillers and the blank Braille
     * pattern, used to make a field look filled.
     */
    private static final java.util.Set<Integer> BLANK_LOOKING = java.util.Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private static boolean visible(int c) {
        if (BLANK_LOOKING.contains(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            // unassigned in this Java's Unicode is most likely a newer emoji: it shows, so it counts
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                 Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> false;
            default -> true;
        };
    }
}
