package ua.igov.platform.core.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.text.RuleBasedCollator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.CatalogueService;
import ua.igov.platform.spi.Offering;

/**
 * One catalogue service in one region, with its search words folded once, when the region arrives, so a search is
 * a scan of ready-made sets.
 */
final class CatalogueEntry {

    private final CatalogueService service;
    private final List<Offering> offerings;
    private final Availability best;
    private final List<String> nameWords;
    private final List<String> otherWords;
    private final CollationKey nameOrder;
    /**
     * Ukrainian alphabetical order (Є after Е, І and Ї after И), not the order of the letters' codes. The JDK's rules
     * for Ukrainian take Ґ for a variant of Г (Ґа before Гя) and put Ь after Я; the alphabet has Ґ after Г and Ь
     * after Щ, and so do these. A Collator is not promised to be safe across threads, and regions arrive on several:
     * it is used under its own lock.
     */
    private static final Collator UKRAINIAN = ukrainian();

    private static Collator ukrainian() {
        RuleBasedCollator jdk = (RuleBasedCollator) Collator.getInstance(Locale.forLanguageTag("uk"));
        try {
            return new RuleBasedCollator(jdk.getRules() + "& Г < ґ, Ґ & Щ < ь, Ь");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("the Ukrainian alphabet's rules do not parse", e);
        }
    }

    CatalogueEntry(CatalogueService service, List<Offering> offerings) {
        this.service = service;
        this.offerings = offerings;
        this.best = offerings.stream().map(Offering::availability).min(Enum::compareTo).orElse(Availability.IN_WORK);
        Set<String> name = new HashSet<>(SearchText.words(service.name().uk()));
        name.addAll(SearchText.words(service.name().en()));
        Set<String> other = new HashSet<>();
        service.keywords().forEach(k -> other.addAll(SearchText.words(k)));
        other.addAll(SearchText.words(service.operator()));
        if (service.subcategory() != null) {
            other.addAll(SearchText.words(service.subcategory().name().uk()));
            other.addAll(SearchText.words(service.subcategory().name().en()));
        }
        other.removeAll(name);
        this.nameWords = new ArrayList<>(name);
        this.otherWords = new ArrayList<>(other);
        synchronized (UKRAINIAN) {
            this.nameOrder = UKRAINIAN.getCollationKey(service.name().uk());
        }
    }

    /** The Ukrainian name's place in alphabetical order, worked out once: a search sorts by it often. */
    CollationKey nameOrder() {
        return nameOrder;
    }

    CatalogueService service() {
        return service;
    }

    List<Offering> offerings() {
        return offerings;
    }

    Availability best() {
        return best;
    }

    /**
     * How well the query's words match: 0 if some word is found nowhere; otherwise higher for more words found in
     * the name. A query word matches a word it begins (so "реєстр" finds "реєстрація").
     */
    int score(List<String> queryWords) {
        return score(queryWords, SearchText.latinSpellings(queryWords));
    }

    /**
     * The same, with each query word's {@link SearchText#latinSpelling} (or null) at the same position, worked out
     * once per query rather than once per service.
     */
    int score(List<String> queryWords, List<String> latinSpellings) {
        int score = 1;
        for (int i = 0; i < queryWords.size(); i++) {
            String q = queryWords.get(i);
            String latin = latinSpellings.get(i);
            if (anyStartsWith(nameWords, q) || latin != null && anyStartsWith(nameWords, latin)) {
                score += 2;
            } else if (!anyStartsWith(otherWords, q) && (latin == null || !anyStartsWith(otherWords, latin))) {
                return 0;
            }
        }
        return score;
    }

    private static boolean anyStartsWith(List<String> words, String prefix) {
        for (String w : words) {
            if (w.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
