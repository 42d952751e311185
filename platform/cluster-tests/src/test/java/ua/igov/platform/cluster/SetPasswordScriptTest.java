package ua.igov.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/igov-set-password} as an operator runs it, on a users.properties of its own. */
class SetPasswordScriptTest {

    private static final Path SCRIPT = Path.of("../../karaf-assembly/src/main/resources/bin/igov-set-password")
            .toAbsolutePath().normalize();

    @TempDir
    Path home;

    private record Run(int exit, String output) {
    }

    private Run run(String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(SCRIPT, home.resolve("bin/igov-set-password"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("bin/igov-set-password").toString()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }

    private String lineOf(String user) throws IOException {
        return Files.readAllLines(home.resolve("etc/users.properties")).stream()
                .filter(l -> l.startsWith(user + " ")).findFirst().orElseThrow();
    }

    private void users(String... lines) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.write(home.resolve("etc/users.properties"), List.of(lines));
    }

    /**
     * A password reset keeps the account's roles, none if it has none: an account made with jaas:useradd, or one an
     * operator took every role from, was made a console operator by a reset (an empty role list counted as missing).
     */
    @Test
    void aResetNeverPromotesAnAccountWithoutRoles() throws Exception {
        users("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                "ivan = {CRYPT}abc{CRYPT}",
                "olena = {CRYPT}def{CRYPT},official,authority-89");
        Run ivan = run("ivan", "new-password-12");
        assertEquals(0, ivan.exit(), ivan.output());
        assertTrue(lineOf("ivan").matches("ivan = \\{CRYPT\\}[0-9a-f]{64}\\{CRYPT\\}"), lineOf("ivan"));
        assertTrue(ivan.output().contains("no roles"), ivan.output());

        assertEquals(0, run("olena", "new-password-12").exit());
        assertTrue(lineOf("olena").endsWith("{CRYPT},official,authority-89"), lineOf("olena"));

        Run empty = run("olena", "new-password-12", "");
        assertNotEquals(0, empty.exit(), "an empty ROLES is refused, not read as 'the default'");
        assertTrue(lineOf("olena").endsWith(",official,authority-89"), "and the account is left as it was");

        assertEquals(0, run("petro", "new-password-12").exit());
        assertTrue(lineOf("petro").endsWith("{CRYPT},operator,_g_:admingroup"), "a new account is an operator");
        assertEquals(0, run("petro", "new-password-12", "official,authority-7").exit());
        assertTrue(lineOf("petro").endsWith("{CRYPT},official,authority-7"), "ROLES given are the roles");
    }

    /** Any login the API takes is an account name the script takes; a password is measured in characters. */
    @Test
    void namesAsTheApiTakesThemAndPasswordsCountedInCharacters() throws Exception {
        users();
        assertEquals(0, run("a", "new-password-12", "official,authority-89").exit(), "one letter");
        assertEquals(0, run("o.petrenko_89-x" + "y".repeat(80), "new-password-12", "official,authority-89").exit());
        assertNotEquals(0, run("a".repeat(101), "new-password-12", "official,authority-89").exit(), "over 100");
        assertNotEquals(0, run("9lives", "new-password-12", "official,authority-89").exit());
        assertNotEquals(0, run("olena", "пароль-1", "official,authority-89").exit(),
                "8 characters (15 bytes): too short");
    }

    /** The digest is of the password's UTF-8 bytes, as Karaf checks it when it runs in UTF-8 (bin/setenv). */
    @Test
    void thePasswordIsDigestedAsUtf8() throws Exception {
        users();
        assertEquals(0, run("olena", "pass-word-123", "official,authority-89").exit());
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("pass-word-123".getBytes(StandardCharsets.UTF_8)));
        assertEquals("olena = {CRYPT}" + expected + "{CRYPT},official,authority-89", lineOf("olena"));
        String setenv = Files.readString(SCRIPT.resolveSibling("setenv"));
        assertTrue(setenv.contains("EXTRA_JAVA_OPTS=\"-Dfile.encoding=UTF-8"), "Karaf's JVM runs in UTF-8");
    }
}
