package ua.igov.platform.spi;

import java.util.Map;

/**
 * A decision on an application, as a service's handler sees it when the document is issued.
 *
 * @param form     the application's form (as finally answered)
 * @param official the login of who decided: for the plugin's own records, never for what citizens read
 */
public record Decision(String trackingNumber, String serviceCode, Map<String, Object> form, String official) {

    public Decision {
        form = Map.copyOf(form);
    }
}
