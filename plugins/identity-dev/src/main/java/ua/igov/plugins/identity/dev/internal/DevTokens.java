package ua.igov.plugins.identity.dev.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and reads compact HS256 tokens (JWT):
 * {@code base64url(header) "." base64url(claims) "." base64url(HMAC-SHA256(secret, the first two parts))}, with header
 * {@code {"alg":"HS256","typ":"JWT"}} and claims {@code {"iss":"igov-dev","sub":...,"name":...,"iat":...,"exp":...}}
 * (times in whole seconds since the epoch).
 *
 * <p>A token is accepted only if it is at most {@value #MAX_TOKEN_LENGTH} characters, its signature matches (compared
 * in constant time, as text, so no second spelling of the same signature passes), its header says HS256 and nothing
 * more, it was issued by {@value #ISSUER}, it has not expired and it was not issued (or made valid) later than now
 * plus {@link #CLOCK_SKEW}.
 */
final class DevTokens {

    static final String ISSUER = "igov-dev";
    static final Duration LIFETIME = Duration.ofHours(8);
    static final int MAX_TOKEN_LENGTH = 4096;
    /** Tolerance for nodes whose clocks differ a little: a token "issued" this far ahead of now is still accepted. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_DISPLAY_NAME = 100;
    static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String HEADER = FlatJson.write(orderedMap("alg", "HS256", "typ", "JWT"));
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> HEADER_NAMES = Set.of("alg", "typ");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The claims of an accepted token. */
    record Claims(String subject, String displayName, Instant issuedAt, Instant expiresAt) {
    }

    /** Why a token was refused; never shown to the token's bearer beyond "not recognised". */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;

    DevTokens(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
        mac(); // fail at start, not at the first sign-in, if the JDK lacks HMAC-SHA256
    }

    /**
     * A token for {@code subject}, valid for {@link #LIFETIME} from now.
     *
     * @param displayName how to address the person, up to {@value #MAX_DISPLAY_NAME} characters; the subject when
     *                    null or blank
     * @throws IllegalArgumentException if the subject is not 1 to 64 of {@code [A-Za-z0-9._-]}, or the display name is
     *                                  too long or holds unpaired surrogates (which no UTF-8 can carry)
     */
    String issue(String subject, String displayName) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("a subject is 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        String name = displayName == null || displayName.isBlank() ? subject : displayName;
        checkDisplayName(name);
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = orderedMap("iss", ISSUER, "sub", subject, "name", name);
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        return sign(HEADER, FlatJson.write(claims));
    }

    /** Encodes and signs the given header and claims as they are; tests use it to forge tokens with this secret. */
    String sign(String headerJson, String claimsJson) {
        String signingInput = encode(headerJson) + "." + encode(claimsJson);
        return signingInput + "." + signature(signingInput);
    }

    /** The base64url (unpadded) HMAC-SHA256 of {@code signingInput}. */
    String signature(String signingInput) {
        return ENCODER.encodeToString(mac().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @throws Rejected naming why the token is not accepted */
    Claims read(String token) throws Rejected {
        if (token == null || token.isEmpty()) {
            throw new Rejected("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new Rejected("longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Rejected("not three dot-separated parts");
        }
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches()) {
                throw new Rejected("a part is empty or not unpadded base64url");
            }
        }
        // The signature first: nothing the secret did not vouch for is decoded or parsed.
        byte[] expected = signature(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new Rejected("bad signature");
        }

        Map<String, Object> header = json(parts[0], "header");
        if (!"HS256".equals(header.get("alg"))) {
            throw new Rejected("algorithm is not HS256");
        }
        if (header.containsKey("typ") && !"JWT".equals(header.get("typ"))) {
            throw new Rejected("type is not JWT");
        }
        if (!HEADER_NAMES.containsAll(header.keySet())) {
            throw new Rejected("unexpected header parameters");
        }

        Map<String, Object> claims = json(parts[1], "claims");
        if (!ISSUER.equals(claims.get("iss"))) {
            throw new Rejected("issuer is not " + ISSUER);
        }
        if (!(claims.get("sub") instanceof String subject) || !SUBJECT.matcher(subject).matches()) {
            throw new Rejected("no valid subject");
        }
        String displayName = subject;
        if (claims.containsKey("name")) {
            if (!(claims.get("name") instanceof String name)) {
                throw new Rejected("name is not a string");
            }
            try {
                checkDisplayName(name);
            } catch (IllegalArgumentException e) {
                throw new Rejected("name: " + e.getMessage());
            }
            displayName = name.isBlank() ? subject : name;
        }
        long issuedAt = seconds(claims, "iat", true);
        long expiresAt = seconds(claims, "exp", true);
        long notBefore = claims.containsKey("nbf") ? seconds(claims, "nbf", false) : issuedAt;
        if (expiresAt <= issuedAt) {
            throw new Rejected("expires before it was issued");
        }
        long now = clock.instant().getEpochSecond();
        if (now >= expiresAt) {
            throw new Rejected("expired");
        }
        if (Math.max(issuedAt, notBefore) > now + CLOCK_SKEW.toSeconds()) {
            throw new Rejected("not yet valid");
        }
        return new Claims(subject, displayName, Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(expiresAt));
    }

    private static void checkDisplayName(String name) {
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("a display name is at most " + MAX_DISPLAY_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a display name cannot hold unpaired surrogates");
            }
        }
    }

    private static long seconds(Map<String, Object> claims, String name, boolean required) throws Rejected {
        Object value = claims.get(name);
        if (value instanceof Long seconds) {
            return seconds;
        }
        throw new Rejected(value == null && required ? name + " is missing" : name + " is not a whole number of seconds");
    }

    private static Map<String, Object> json(String segment, String what) throws Rejected {
        byte[] bytes;
        try {
            bytes = DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new Rejected(what + " is not base64url");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(what + " is not UTF-8");
        }
        try {
            return FlatJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new Rejected(what + ": " + e.getMessage());
        }
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Mac instances are not thread-safe, and cheap: one per use. */
    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static Map<String, Object> orderedMap(String... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
