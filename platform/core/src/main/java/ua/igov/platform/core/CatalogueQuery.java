package ua.igov.platform.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ua.igov.platform.spi.FieldProblem;

/**
 * What a citizen searches the catalogue for. Every part is optional; an absent part does not filter.
 *
 * @param text     words to find in service names (Ukrainian, and English where a region gives one), keywords, operators
 *                 and subcategory names
 * @param region   a region id, e.g. {@code lviv}
 * @param place    a KOATUU code: the place's offerings, its oblast's and the region-wide ones
 * @param category {@code Citizen} or {@code Business}
 * @param status   an availability: {@code online}, {@code info_only}, {@code coming_soon}, {@code in_work}
 * @param login    a login method: {@code BankID}, {@code EDS}, {@code IDcard}, {@code email}
 * @param page     0-based page number
 * @param size     results per page, 1 to {@value #MAX_SIZE}
 */
public record CatalogueQuery(String text, String region, String place, String category, String status, String login,
                             int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_PAGE = 10_000;
    static final Set<String> STATUSES = Set.of("online", "info_only", "coming_soon", "in_work");
    static final Set<String> LOGINS = Set.of("BankID", "EDS", "IDcard", "email");

    /** Checks the parts that can be checked without the catalogue. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (text != null) {
            if (text.isBlank()) {
                problems.add(new FieldProblem("q", "is empty; leave it out to list everything, or give a word to search for"));
            } else if (text.length() > MAX_TEXT_LENGTH) {
                problems.add(new FieldProblem("q", "is " + text.length() + " characters long; at most "
                        + MAX_TEXT_LENGTH + " are searched"));
            }
        }
        if (place != null && !place.matches("\\d{10}")) {
            problems.add(new FieldProblem("place", "must be a 10-digit KOATUU code, e.g. 1210100000 for Dnipro"));
        }
        if (status != null && !STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "must be one of online, info_only, coming_soon, in_work"));
        }
        if (login != null && !LOGINS.contains(login)) {
            problems.add(new FieldProblem("login", "must be one of BankID, EDS, IDcard, email"));
        }
        if (category != null && !category.matches("[A-Za-z]{1,40}")) {
            problems.add(new FieldProblem("category", "must be a category code such as Citizen or Business"));
        }
        if (page < 0 || page > MAX_PAGE) {
            problems.add(new FieldProblem("page", "must be between 0 and " + MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        return problems;
    }
}
