package ua.igov.plugins.identity.dev.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DevTokensTest {

    private static final byte[] SECRET = "a development secret of 32+ chars, for tests only".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final DevTokens tokens = at(NOW);

    private static DevTokens at(Instant instant) {
        return new DevTokens(SECRET, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static String claims(String iss, long iat, long exp) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"olena\",\"name\":\"Олена\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
    }

    private static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    private String reason(DevTokens reader, String token) {
        return assertThrows(DevTokens.Rejected.class, () -> reader.read(token)).getMessage();
    }

    // --- issue and read -------------------------------------------------------------------------------------------

    @Test
    void anIssuedTokenReadsBack() throws Exception {
        String token = tokens.issue("test-user_1.a", "Test User");
        DevTokens.Claims claims = tokens.read(token);
        assertEquals("test-user_1.a", claims.subject());
        assertEquals("Test User", claims.displayName());
        assertEquals(NOW, claims.issuedAt());
        assertEquals(NOW.plus(Duration.ofHours(8)), claims.expiresAt());
    }

    @Test
    void theTokenIsAStandardCompactHs256Jwt() {
        String[] parts = tokens.issue("olena", "Олена").split("\\.", -1);
        assertEquals(3, parts.length);
        assertEquals(HEADER, decode(parts[0]));
        assertEquals("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", parts[0], "the header every JWT library writes");
        long iat = NOW.getEpochSecond();
        assertEquals("{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"name\":\"Олена\",\"iat\":" + iat + ",\"exp\":" + (iat + 8 * 3600) + "}",
                decode(parts[1]));
        for (String part : parts) {
            assertTrue(part.matches("[A-Za-z0-9_-]+"), "unpadded base64url: " + part);
        }
    }

    @Test
    void theSignatureIsRfc7515sHmacSha256() throws Exception {
        // RFC 7515, appendix A.1: the JWS HMAC SHA-256 example, its key, signing input and signature.
        byte[] key = Base64.getUrlDecoder().decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        String signingInput = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        DevTokens rfc = new DevTokens(key, Clock.fixed(Instant.ofEpochSecond(1300819000L), ZoneOffset.UTC));
        assertEquals("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", rfc.signature(signingInput));
        // Its signature, header (with CRLF whitespace) and claims parse; only its issuer is not ours.
        assertEquals("issuer is not igov-dev", reason(rfc, signingInput + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void ukrainianAndAwkwardDisplayNamesRoundTrip() throws Exception {
        for (String name : List.of("Олена Коваленко-Шевчук", "Ґалаґан Їжачок Євгенія", "Мар'яна О’Браєн-Дзюба ʼ",
                "Тарас \"Кобзар\" Шевченко", "back\\slash / slash", "emoji 🇺🇦 and 𝄞", "ІІІІІІІІІІ".repeat(10),
                "tab\tline\nbreak\u0000nul\u2028", "</script><b>")) {
            DevTokens.Claims claims = tokens.read(tokens.issue("user", name));
            assertEquals(name, claims.displayName());
        }
    }

    @Test
    void withoutADisplayNameTheSubjectIsUsed() throws Exception {
        assertEquals("olena", tokens.read(tokens.issue("olena", null)).displayName());
        assertEquals("olena", tokens.read(tokens.issue("olena", "  ")).displayName());
    }

    @Test
    void badSubjectsAndDisplayNamesAreNotIssued() {
        for (String subject : new String[] {null, "", "a".repeat(65), "with space", "олена", "a/b", "a:b", "a@b.c"}) {
            assertThrows(IllegalArgumentException.class, () -> tokens.issue(subject, "Name"), String.valueOf(subject));
        }
        assertDoesNotThrow(() -> tokens.issue("a".repeat(64), "Name"));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("olena", "Ї".repeat(101)));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("olena", "half \uD83C surrogate"));
    }

    // --- tampering and other keys ---------------------------------------------------------------------------------

    @Test
    void aChangedClaimBreaksTheSignature() {
        String[] parts = tokens.issue("olena", "Олена").split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("\"olena\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        assertEquals("bad signature", reason(tokens, parts[0] + "." + forged + "." + parts[2]));
        String otherHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("bad signature", reason(tokens, otherHeader + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void aChangedSignatureIsRefusedIncludingAnotherSpellingOfTheSameBytes() {
        String token = tokens.issue("olena", "Олена");
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        assertEquals(43, signature.length());
        char first = signature.charAt(0);
        assertEquals("bad signature", reason(tokens, token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + signature.substring(1)));
        // The last of 43 characters carries 4 bits and 2 unused ones: flipping an unused bit decodes to the same
        // bytes, but is not the signature this provider writes.
        char last = signature.charAt(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String sameBytes = token.substring(0, dot + 1) + signature.substring(0, 42) + sibling;
        assertArrayEquals(Base64.getUrlDecoder().decode(signature), Base64.getUrlDecoder().decode(sameBytes.substring(dot + 1)));
        assertEquals("bad signature", reason(tokens, sameBytes));
        assertEquals("bad signature", reason(tokens, token.substring(0, dot + 1) + signature.substring(0, 42)));
        assertEquals("a part is empty or not unpadded base64url", reason(tokens, token + "="));
    }

    @Test
    void anotherSecretsTokensAreNotRecognised() {
        DevTokens other = new DevTokens("another development secret, 32+ chars long".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String theirs = other.issue("olena", "Олена");
        assertNotEquals(theirs, tokens.issue("olena", "Олена"));
        assertEquals("bad signature", reason(tokens, theirs));
        assertDoesNotThrow(() -> other.read(theirs));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DevTokens(new byte[31], Clock.systemUTC()));
        assertDoesNotThrow(() -> new DevTokens(new byte[32], Clock.systemUTC()));
    }

    // --- time -----------------------------------------------------------------------------------------------------

    @Test
    void aTokenLastsEightHours() {
        String token = tokens.issue("olena", "Олена");
        assertDoesNotThrow(() -> at(NOW.plus(Duration.ofHours(8)).minusSeconds(1)).read(token));
        assertEquals("expired", reason(at(NOW.plus(Duration.ofHours(8))), token));
        assertEquals("expired", reason(at(NOW.plus(Duration.ofDays(30))), token));
    }

    @Test
    void aTokenFromTheFutureIsNotYetValidBeyondALittleClockSkew() {
        assertEquals("not yet valid", reason(tokens, at(NOW.plus(Duration.ofMinutes(5))).issue("olena", "Олена")));
        assertDoesNotThrow(() -> tokens.read(at(NOW.plusSeconds(30)).issue("olena", "Олена")));
        long now = NOW.getEpochSecond();
        String notBefore = tokens.sign(HEADER, "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now
                + ",\"nbf\":" + (now + 3600) + ",\"exp\":" + (now + 7200) + "}");
        assertEquals("not yet valid", reason(tokens, notBefore));
        assertEquals("expires before it was issued", reason(tokens, tokens.sign(HEADER, claims("igov-dev", now, now))));
    }

    // --- headers and claims signed with the right key, but not acceptable -----------------------------------------

    @Test
    void onlyHs256IsAccepted() {
        long now = NOW.getEpochSecond();
        String body = claims("igov-dev", now, now + 60);
        String unsignedNone = tokens.sign("{\"alg\":\"none\",\"typ\":\"JWT\"}", body);
        unsignedNone = unsignedNone.substring(0, unsignedNone.lastIndexOf('.') + 1);
        assertEquals("a part is empty or not unpadded base64url", reason(tokens, unsignedNone), "alg:none, no signature");
        for (String header : List.of("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
                "{\"alg\":\"RS256\"}", "{\"alg\":\"hs256\"}", "{\"typ\":\"JWT\"}", "{\"alg\":[\"HS256\"]}")) {
            assertThrows(DevTokens.Rejected.class, () -> tokens.read(tokens.sign(header, body)), header);
        }
        assertEquals("type is not JWT", reason(tokens, tokens.sign("{\"alg\":\"HS256\",\"typ\":\"JOSE+JSON\"}", body)));
        assertEquals("unexpected header parameters",
                reason(tokens, tokens.sign("{\"alg\":\"HS256\",\"crit\":\"exp\"}", body)));
        assertDoesNotThrow(() -> tokens.read(tokens.sign("{\"alg\":\"HS256\"}", body)), "typ is optional");
    }

    @Test
    void onlyThisIssuersTokensAreAccepted() {
        long now = NOW.getEpochSecond();
        assertEquals("issuer is not igov-dev", reason(tokens, tokens.sign(HEADER, claims("igov-prod", now, now + 60))));
        assertEquals("issuer is not igov-dev", reason(tokens, tokens.sign(HEADER,
                "{\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}")));
    }

    @Test
    void claimsOfTheWrongShapeAreRefused() {
        long now = NOW.getEpochSecond();
        Map<String, String> cases = Map.of(
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + "}", "exp is missing",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":\"" + (now + 60) + "\"}",
                "exp is not a whole number of seconds",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":" + (now + 60) + ".5}",
                "claims: not a flat JSON object: only whole numbers are accepted at offset 65",
                "{\"iss\":\"igov-dev\",\"sub\":\"a b\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", "no valid subject",
                "{\"iss\":\"igov-dev\",\"sub\":42,\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", "no valid subject",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"name\":null,\"iat\":" + now + ",\"exp\":" + (now + 60) + "}",
                "name is not a string",
                "[\"igov-dev\"]", "claims: not a flat JSON object: '{' expected at offset 0");
        cases.forEach((claims, why) -> assertEquals(why, reason(tokens, tokens.sign(HEADER, claims)), claims));
        for (String claims : List.of(
                "{\"iss\":\"igov-dev\",\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"roles\":[\"admin\"]}",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "} trailing",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":99999999999999999999}",
                "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"name\":\"" + "Ї".repeat(101) + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}",
                "not json at all", "")) {
            assertThrows(DevTokens.Rejected.class, () -> tokens.read(tokens.sign(HEADER, claims)), claims);
        }
    }

    @Test
    void claimsThatAreNotUtf8AreRefused() {
        long now = NOW.getEpochSecond();
        byte[] bytes = claims("igov-dev", now, now + 60).getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\"name\":\"") + 8;
        bytes[at] = (byte) 0xC0; // an over-long encoding's lead byte: never valid UTF-8
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String input = header + "." + body;
        assertEquals("claims is not UTF-8", reason(tokens, input + "." + tokens.signature(input)));
    }

    // --- garbage --------------------------------------------------------------------------------------------------

    @Test
    void garbageIsRefusedWithoutAnException() {
        String valid = tokens.issue("olena", "Олена");
        List<String> garbage = new java.util.ArrayList<>(List.of("", "abc", "a.b", "a.b.c.d", "..", "a..c", ".b.c",
                "Bearer " + valid, valid + ".", valid.substring(0, valid.length() - 1) + "+", " " + valid, valid + "\n",
                "ЇЇЇ.ЇЇЇ.ЇЇЇ", "eyJ.eyJ.eyJ", "%%%.%%%.%%%"));
        garbage.add(null);
        for (String token : garbage) {
            assertThrows(DevTokens.Rejected.class, () -> tokens.read(token), String.valueOf(token));
        }
    }

    @Test
    void oversizeTokensAreRefusedBeforeAnyWork() {
        String padding = "x".repeat(4097);
        assertEquals("longer than 4096 characters", reason(tokens, padding));
        long now = NOW.getEpochSecond();
        String big = tokens.sign(HEADER, "{\"iss\":\"igov-dev\",\"sub\":\"olena\",\"iat\":" + now + ",\"exp\":" + (now + 60)
                + ",\"pad\":\"" + "p".repeat(3100) + "\"}");
        assertTrue(big.length() > 4096);
        assertEquals("longer than 4096 characters", reason(tokens, big));
    }

    @Test
    void theLongestIssuableTokenFitsWellWithinTheLimit() {
        String token = tokens.issue("s".repeat(64), "𝄞".repeat(100));
        assertTrue(token.length() < 1024, token.length() + " characters");
        assertDoesNotThrow(() -> tokens.read(token));
    }
}
