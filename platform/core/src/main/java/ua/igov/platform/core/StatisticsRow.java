package ua.igov.platform.core;

import java.util.Map;

/**
 * The statistics of one value of a dimension over a period, for applications submitted in it. Figures that have no
 * basis (no decided application, no rating) or that the open data withholds are {@code null}.
 *
 * @param value        the region id, place id, authority id, service code or official's login; {@code null} for
 *                     applications without one (not yet claimed by an official, say)
 * @param applications applications submitted in the period
 * @param byStatus     those applications by their status now
 * @param decided      of them, issued or rejected (cancelled by the citizen is not a decision)
 * @param medianHours  median processing time, submission to decision, as the upper edge of its histogram bucket
 * @param p90Hours     90th percentile of the same, likewise
 * @param onTimeShare  share of the decided whose decision came by the deadline then in force, 0 to 1
 * @param overdueNow   waiting for their authority (submitted, in review, approved) and past their deadline now
 * @param ratings      how many of them citizens rated
 * @param suppressed   in the open data: too few applications to publish any figure of this row
 */
public record StatisticsRow(String value, Long applications, Map<String, Long> byStatus, Long decided,
                            Integer medianHours, Integer p90Hours, Double onTimeShare, Long overdueNow,
                            Double averageRating, Long ratings, boolean suppressed) {
}
