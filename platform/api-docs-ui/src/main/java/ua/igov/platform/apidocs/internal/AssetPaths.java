package ua.igov.platform.apidocs.internal;

import java.util.regex.Pattern;

/** Which request paths may name a file of the UI: one plain file name, so nothing outside swagger-ui/ is reachable. */
final class AssetPaths {

    private static final Pattern PLAIN_FILE = Pattern.compile("/[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    private AssetPaths() {
    }

    static boolean isPlainFileName(String pathInfo) {
        return PLAIN_FILE.matcher(pathInfo).matches();
    }
}
