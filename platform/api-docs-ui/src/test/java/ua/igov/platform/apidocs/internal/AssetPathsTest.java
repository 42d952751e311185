package ua.igov.platform.apidocs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AssetPathsTest {

    @Test
    void theUisFilesAreNamedPlainly() {
        assertTrue(AssetPaths.isPlainFileName("/swagger-ui-bundle.js"));
        assertTrue(AssetPaths.isPlainFileName("/favicon-32x32.png"));
    }

    @Test
    void nothingOutsideTheUiFolderIsReachable() {
        assertFalse(AssetPaths.isPlainFileName("/../api-docs/index.html"));
        assertFalse(AssetPaths.isPlainFileName("/..%2Fsecret.js"));
        assertFalse(AssetPaths.isPlainFileName("/sub/dir.js"));
        assertFalse(AssetPaths.isPlainFileName("/.hidden.js"));
        assertFalse(AssetPaths.isPlainFileName("/noextension"));
    }

    @Test
    void onlyTheUisKindsOfFileHaveAContentType() {
        assertEquals("text/javascript;charset=UTF-8", ContentTypes.of("/swagger-ui-bundle.js"));
        assertEquals("text/css;charset=UTF-8", ContentTypes.of("/swagger-ui.css"));
        assertEquals("image/png", ContentTypes.of("/favicon-16x16.png"));
        assertNull(ContentTypes.of("/ApiServlet.class"));
        assertNull(ContentTypes.of("/noextension"));
    }
}
