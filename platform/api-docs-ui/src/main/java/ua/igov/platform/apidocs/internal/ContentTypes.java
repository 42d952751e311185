package ua.igov.platform.apidocs.internal;

import java.util.Map;

/** The content types of the files Swagger UI's distribution has; anything else is not served. */
final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "html", "text/html;charset=UTF-8",
            "png", "image/png");

    private ContentTypes() {
    }

    /** The type for a file name by its extension, or null for a kind of file the UI does not have. */
    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(fileName.substring(dot + 1));
    }
}
