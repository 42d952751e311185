package ua.igov.platform.core;

/**
 * Statistics of applications per region, place, authority, service and official over a period, for supervisors
 * (their own authorities) and operators (everything); and the anonymised open data anyone may download.
 */
public interface StatisticsService {

    /**
     * @param by        {@code region}, {@code place}, {@code authority}, {@code service} or {@code official}
     * @param from      first submission day, ISO date
     * @param to        last submission day, ISO date
     * @param authority only this authority's applications, or {@code null}
     * @throws ProblemException 401 anonymous, 403 not a supervisor or operator or not their authority, 400 bad query
     */
    StatisticsReport statistics(Caller caller, String by, String from, String to, String authority);

    /**
     * The open data: by {@code region}, {@code place}, {@code authority} or {@code service} (never by official),
     * aggregates only, no total, for one calendar month that is over ({@code from} its first day, {@code to} its
     * last). A row of fewer than five applications is withheld, and so is, where needed, another row of the same
     * region (or of the table), so that no withheld row can be worked out by subtraction; likewise for averages.
     *
     * @throws ProblemException 400 naming {@code by}, {@code from} or {@code to}
     */
    StatisticsReport openData(String by, String from, String to);

    /** The open data as CSV, one line per row under a header line. */
    String openDataCsv(StatisticsReport openData);
}
