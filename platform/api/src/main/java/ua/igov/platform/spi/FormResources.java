package ua.igov.platform.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a plugin's own resources (its form schema) from the plugin's class loader. */
public final class FormResources {

    private FormResources() {
    }

    /**
     * @param anchor a class of the plugin, whose class loader sees the resource
     * @param path   an absolute resource path such as {@code /form/residence-registration.schema.json}
     */
    public static String read(Class<?> anchor, String path) {
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from " + anchor.getName() + "'s bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
