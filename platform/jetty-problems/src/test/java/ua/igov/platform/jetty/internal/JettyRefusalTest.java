package ua.igov.platform.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JettyRefusalTest {

    private static Map<?, ?> read(byte[] json) throws IOException {
        return new ObjectMapper().readValue(json, Map.class);
    }

    @Test
    void aServerErrorTellsNothingOfItsCause() throws IOException {
        Map<?, ?> problem = read(JettyRefusal.error(500, "java.lang.NullPointerException at Foo.bar", "/api/x"));
        assertEquals("urn:igov:problem:internal-error", problem.get("type"));
        assertFalse(problem.toString().contains("NullPointer"), problem.toString());
    }

    @Test
    void aLongAddressIsCutInTheDocument() throws IOException {
        String instance = (String) read(JettyRefusal.error(404, null, "/" + "a".repeat(5000))).get("instance");
        assertEquals(JettyRefusal.MAX_INSTANCE_CHARS + 1, instance.length());
    }

    @Test
    void jettysReasonNamesThePartOfTheRequestToFix() throws IOException {
        assertEquals("path", JettyRefusal.partOf("Ambiguous URI path separator"));
        assertEquals("headers", JettyRefusal.partOf("Bad Host header"));
        assertEquals("version", JettyRefusal.partOf("Unknown Version"));
        Map<?, ?> tooLong = read(JettyRefusal.badMessage(414, "URI Too Long"));
        assertEquals(List.of(Map.of("field", "path", "message", "longer than the server reads")), tooLong.get("errors"));
        // "Bad Request" alone says nothing: the problem explains what breaks a request instead
        Map<?, ?> bare = read(JettyRefusal.badMessage(400, "Bad Request"));
        assertTrue(((String) bare.get("detail")).contains(JettyRefusal.UNREADABLE));
    }
}
