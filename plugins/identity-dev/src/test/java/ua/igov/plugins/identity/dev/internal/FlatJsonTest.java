package ua.igov.plugins.identity.dev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void readsAFlatObject() {
        Map<String, Object> members = FlatJson.parseObject(
                " {\"s\" : \"Олена\\n\\\"\\\\\\/\\u0413\\uD83C\\uDDFA\", \"n\":-12, \"z\":0, \"t\":true, \"f\":false, \"x\":null}\r\n");
        assertEquals(List.of("s", "n", "z", "t", "f", "x"), List.copyOf(members.keySet()));
        assertEquals("Олена\n\"\\/Г🇺", members.get("s"));
        assertEquals(-12L, members.get("n"));
        assertEquals(0L, members.get("z"));
        assertEquals(Boolean.TRUE, members.get("t"));
        assertEquals(Boolean.FALSE, members.get("f"));
        assertSame(FlatJson.NULL, members.get("x"));
        assertEquals(Map.of(), FlatJson.parseObject("{}"));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("name", "Тарас \"Кобзар\" \\ / \t\b\f\r\n\u0001\u001f\u2028 🇺🇦");
        members.put("iat", 1_795_000_000L);
        members.put("ok", true);
        String json = FlatJson.write(members);
        assertEquals("{\"name\":\"Тарас \\\"Кобзар\\\" \\\\ / \\t\\b\\f\\r\\n\\u0001\\u001f\\u2028 🇺🇦\",\"iat\":1795000000,\"ok\":true}",
                json);
        assertEquals(members, FlatJson.parseObject(json));
    }

    @Test
    void refusesAnythingElse() {
        for (String text : List.of("", " ", "[]", "\"s\"", "1", "{", "}", "{\"a\":1", "{\"a\":1,}", "{,}", "{\"a\"}",
                "{\"a\":}", "{a:1}", "{'a':1}", "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":{}}", "{\"a\":[1]}",
                "{\"a\":1.0}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":9223372036854775808}",
                "{\"a\":1,\"a\":2}", "{\"a\":\"x\ny\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u١٢٣٤\"}",
                "{\"a\":\"\\uD83C\"}", "{\"a\":\"\\uDDFA\\uD83C\"}", "{\"a\":\"unterminated}", "{\"a\":tru}",
                "{\"a\":nul}", "{\"a\":True}", "{\"a\":1 \"b\":2}", "\u0000{}", "{\"a\":1}\u0000")) {
            assertThrows(IllegalArgumentException.class, () -> FlatJson.parseObject(text), text);
        }
    }
}
