package ua.igov.platform.core.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The working calendar deadlines are counted in, from {@code etc/ua.igov.platform.calendar.cfg}: Saturdays and
 * Sundays are days off, and so are the listed holidays, unless a listed working day moves work onto a weekend. A
 * deadline ends at the close of its last working day, in Kyiv time. Every node reads the same file, so every node
 * computes the same deadline.
 */
@Component(service = WorkingCalendar.class, configurationPid = "ua.igov.platform.calendar",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WorkingCalendar.Config.class)
public class WorkingCalendar {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkingCalendar.class);

    @ObjectClassDefinition(name = "iGov working calendar", description = "Days off beyond weekends, for deadlines")
    public @interface Config {
        @AttributeDefinition(description = "Public holidays that are days off, as ISO dates (2027-01-01)")
        String[] holidays() default {};

        @AttributeDefinition(description = "Weekend days that are working days (work moved from a holiday)")
        String[] workingWeekendDays() default {};
    }

    private volatile Set<LocalDate> holidays = Set.of();
    private volatile Set<LocalDate> workingWeekendDays = Set.of();

    public WorkingCalendar() {
    }

    WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    @Activate
    @Modified
    void configure(Config config) {
        holidays = dates(config.holidays(), "holidays");
        workingWeekendDays = dates(config.workingWeekendDays(), "workingWeekendDays");
    }

    /**
     * The dates of a setting. A malformed one is left out and logged, and the others hold: the calendar is what the
     * file says and nothing else, so every node with the same file counts the same deadlines (keeping a value from
     * before the mistake would make a node that restarted since count differently, unseen by the doctor, which
     * compares the files).
     */
    private static Set<LocalDate> dates(String[] values, String setting) {
        // A .cfg line "holidays = 2027-01-01, 2027-03-08" may arrive as one string: split it here.
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty())
                .flatMap(v -> {
                    try {
                        return java.util.stream.Stream.of(LocalDate.parse(v));
                    } catch (DateTimeParseException e) {
                        LOG.error("etc/ua.igov.platform.calendar.cfg: '{}' lists '{}', which is not an ISO date such "
                                + "as 2027-01-01; it is left out, the other dates hold", setting, v);
                        return java.util.stream.Stream.empty();
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** How many working days there are after the day of {@code from}, up to and including the day of {@code to}. */
    int workingDaysBetween(Instant from, Instant to) {
        java.time.LocalDate day = from.atZone(KYIV).toLocalDate().plusDays(1);
        java.time.LocalDate last = to.atZone(KYIV).toLocalDate();
        int count = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The end of the {@code workingDays}-th working day after the day of {@code start}. A term of 0 days ends with the
     * day of {@code start} if it is a working day, or else with the next one: a step due "the same day" that arrives
     * on a Saturday is due on Monday, not overdue on Sunday.
     */
    Instant after(Instant start, int workingDays) {
        ZonedDateTime day = start.atZone(KYIV).toLocalDate().atStartOfDay(KYIV);
        if (workingDays == 0) {
            while (!isWorkingDay(day.toLocalDate())) {
                day = day.plusDays(1);
            }
        }
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day.toLocalDate())) {
                left--;
            }
        }
        return day.plusDays(1).minusNanos(1_000_000).toInstant();
    }
}
