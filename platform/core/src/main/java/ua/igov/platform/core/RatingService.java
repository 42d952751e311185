package ua.igov.platform.core;

import java.util.List;

/**
 * Ratings and feedback: the citizen rates a closed (issued or rejected) application once, 1 to 5, with an optional
 * comment; an official or supervisor of its authority replies once. Both are audited.
 */
public interface RatingService {

    /** The body is {@code {"rating": 1..5, "comment": "..."}}. */
    PublicReview rate(Caller caller, String trackingNumber, byte[] body);

    /** The body is {@code {"reply": "..."}}. */
    PublicReview reply(Caller caller, String trackingNumber, byte[] body);

    /** A service's reviews, newest first, for anyone. */
    List<PublicReview> reviews(String serviceCode, int limit);
}
