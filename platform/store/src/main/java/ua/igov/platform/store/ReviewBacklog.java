package ua.igov.platform.store;

import java.time.Instant;

/**
 * The reviews with text no operator has looked at yet, of every service.
 *
 * @param unchecked   how many
 * @param waitingSince when the text that has waited longest was written (a comment, a reply, an appeal no operator
 *                     has decided on yet), or {@code null} if there are none
 */
public record ReviewBacklog(long unchecked, Instant waitingSince) {
}
