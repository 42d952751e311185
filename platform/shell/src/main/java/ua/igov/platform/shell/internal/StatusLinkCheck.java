package ua.igov.platform.shell.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import ua.igov.platform.shell.internal.DoctorCommand.Check;

/**
 * Every notification links a citizen to {@code statusLink}. Left at its default it points to {@code localhost}: the
 * citizen's own phone, where nothing answers. Without HTTPS the link invites a look-alike page. Neither stops the
 * platform working, so the doctor warns rather than fails (a development machine is right to use the default).
 */
final class StatusLinkCheck {

    static final String NAME = "status link";
    private static final String WHERE = "set statusLink in etc/ua.igov.platform.core.cfg to the portal's public "
            + "HTTPS address";

    private StatusLinkCheck() {
    }

    static Check of(String pattern) {
        URI link;
        try {
            link = new URI(pattern.replace("{trackingNumber}", "1"));
        } catch (URISyntaxException e) {
            return Check.warning(NAME, "citizens are sent " + pattern + ", which is not an address (" + e.getReason()
                    + "); " + WHERE);
        }
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || isLocal(host)) {
            return Check.warning(NAME, "citizens are sent " + pattern + ", which no citizen can open; " + WHERE);
        }
        if (!"https".equalsIgnoreCase(link.getScheme())) {
            return Check.warning(NAME, "citizens are sent " + pattern + " without HTTPS; " + WHERE);
        }
        return new Check(NAME, true, "citizens are sent " + pattern);
    }

    /** A name or address that means "this machine" or a private network, never the public portal. */
    static boolean isLocal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.endsWith(".localhost") || bare.endsWith(".local")
                || bare.startsWith("127.") || bare.equals("0.0.0.0") || bare.equals("::1") || bare.equals("::")
                || bare.startsWith("10.") || bare.startsWith("192.168.") || bare.matches("172\\.(1[6-9]|2\\d|3[01])\\..*")
                || !bare.contains(".") && !bare.contains(":"); // a bare machine name resolves only inside a network
    }
}
