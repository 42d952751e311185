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

    private static boolean visible(int c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                 Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> false;
            default -> true;
        };
    }
}
