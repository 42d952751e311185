package ua.igov.platform.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.igov.platform.store.ListPosition;

/**
 * The {@code after} of a paged list, as the client sees it: the last row's sort time (to the nanosecond, as stored)
 * and row id, encoded so that nobody reads meaning into it. It is not a secret and needs none: a caller who forges one
 * only moves through their own list, which the query limits to what they may see.
 */
final class ListCursor {

    private static final Pattern TEXT = Pattern.compile("(-|(-?\\d{1,12})\\.(\\d{1,9}))\\.(\\d{1,19})");

    private ListCursor() {
    }

    static String encode(ListPosition position) {
        Instant at = position.at();
        String text = (at == null ? "-" : at.getEpochSecond() + "." + at.getNano()) + "." + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names, or empty if it is not one this class made. */
    static Optional<ListPosition> decode(String cursor) {
        if (cursor.length() > 64) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant at = m.group(2) == null ? null
                    : Instant.ofEpochSecond(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
            return Optional.of(new ListPosition(at, Long.parseLong(m.group(4))));
        } catch (DateTimeException | ArithmeticException | NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }
}
