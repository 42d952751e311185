package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the staff of an authority are reached for reminders and escalations, as the operators list it in
 * {@code etc/ua.igov.platform.escalation.cfg}: {@code authority role channel:address}, e.g.
 * {@code 89 supervisors email:head-89@dnipro.example}, where authority is an id or {@code *} for every authority and
 * role is {@code officials} or {@code supervisors}. One authority id may serve several regions (89, the registration
 * offices, serves eight), each with its own office: {@code 89@lviv supervisors email:head-89@lviv.example} reaches
 * only about that region's applications. Staff accounts (Karaf's JAAS realm) hold no addresses, so this list is the
 * platform's only knowledge of them; every node reads the same file.
 */
final class StaffAddresses {

    static final String OFFICIALS = "officials";
    static final String SUPERVISORS = "supervisors";

    /**
     * One address of one role at one authority ({@code authority} null: every authority), for its applications in one
     * region ({@code region} null: in every region).
     */
    record Address(Integer authority, String region, String role, String channel, String recipient) {
    }

    private static final Pattern ENTRY = Pattern.compile("\\s*(\\*|\\d{1,9})(?:@([a-z][a-z0-9-]{0,63}))?"
            + "\\s+(officials|supervisors)\\s+([a-z][a-z0-9-]{0,31}):(\\S{1,320})\\s*");

    private final List<Address> addresses;

    StaffAddresses(List<Address> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** Reads the configured entries, separated by semicolons; a mistake is refused naming the entry. */
    static StaffAddresses parse(String[] texts) {
        List<Address> addresses = new ArrayList<>();
        for (String text : Arrays.stream(texts).flatMap(t -> Arrays.stream(t.split(";"))).toList()) {
            if (text.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("etc/ua.igov.platform.escalation.cfg staffAddresses: '" + text.strip()
                        + "' is not 'authority[@region] role channel:address', e.g. '89 supervisors "
                        + "email:head-89@dnipro.example' or '89@lviv supervisors email:head-89@lviv.example'");
            }
            Integer authority = m.group(1).equals("*") ? null : Integer.valueOf(m.group(1));
            addresses.add(new Address(authority, m.group(2), m.group(3), m.group(4), m.group(5)));
        }
        return new StaffAddresses(addresses);
    }

    /**
     * The addresses of a role at an authority for its applications in a region: its own entries (for that region and
     * for every region) and the ones for every authority, each address once (a head listed for every authority and
     * again for their own gets one message, not two).
     */
    List<Address> of(Integer authority, String region, String role) {
        Map<String, Address> byRecipient = new LinkedHashMap<>();
        addresses.stream()
                .filter(a -> a.role().equals(role) && (a.authority() == null || a.authority().equals(authority))
                        && (a.region() == null || a.region().equals(region)))
                .forEach(a -> byRecipient.putIfAbsent(a.channel() + ':' + a.recipient(), a));
        return List.copyOf(byRecipient.values());
    }
}
