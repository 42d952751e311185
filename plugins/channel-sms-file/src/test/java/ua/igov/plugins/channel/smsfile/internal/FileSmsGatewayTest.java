package ua.igov.plugins.channel.smsfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;

class FileSmsGatewayTest {

    @TempDir
    Path dir;

    @Test
    void eachSmsIsOneLineWithTimeKeyNumberAndText() throws Exception {
        Path file = dir.resolve("sms/outbox.txt");
        FileSmsGateway gateway = new FileSmsGateway(file, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        gateway.send("+380501234567", "Заяву 1-00000001-6 прийнято.\nСтатус: http://x/1", "outbox-7");
        gateway.send("+380671112233", "second", "outbox-8");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "2026-11-25T10:00:00Z\toutbox-7\t+380501234567\tЗаяву 1-00000001-6 прийнято.\\nСтатус: http://x/1",
                "2026-11-25T10:00:00Z\toutbox-8\t+380671112233\tsecond"), lines);
    }

    @Test
    void itTellsWhetherAnSmsWasWrittenFromTheFile() throws Exception {
        Path file = dir.resolve("sms/outbox.txt");
        FileSmsGateway gateway = new FileSmsGateway(file, Clock.systemUTC());
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-7"), "no file yet");
        gateway.send("+380501234567", "about outbox-8\tand outbox-9", "outbox-7");
        assertEquals(DeliveryCheck.DELIVERED, gateway.check("outbox-7"));
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-8"), "a key in the text is not the key");
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-"), "the whole key");

        // a node killed in the middle of a write leaves a line without its end: not written, so sent again
        Files.writeString(file, "2026-11-25T10:00:00Z\toutbox-9\t+3805", StandardOpenOption.APPEND);
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-9"));
        assertEquals(DeliveryCheck.DELIVERED, gateway.check("outbox-7"));

        // the next SMS does not complete the line cut short: it takes its place
        gateway.send("+380501234567", "next", "outbox-10");
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-9"));
        assertEquals(DeliveryCheck.DELIVERED, gateway.check("outbox-10"));
        assertEquals(DeliveryCheck.DELIVERED, gateway.check("outbox-7"));
        assertEquals(2, Files.readAllLines(file).size());

        // a line cut short that is longer than what is read back at once, after a long whole one
        gateway.send("+380501234567", "x".repeat(9_000), "outbox-11");
        Files.writeString(file, "2026-11-25T10:00:00Z	outbox-12	+380501234567	" + "y".repeat(9_000),
                StandardOpenOption.APPEND);
        gateway.send("+380501234567", "after", "outbox-13");
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-12"));
        assertEquals(List.of("outbox-7", "outbox-10", "outbox-11", "outbox-13"), Files.readAllLines(file).stream()
                .map(l -> l.split("\t")[1]).toList());
    }

    /**
     * A node killed while writing can cut a line inside a Cyrillic letter's two bytes: the whole lines before it are
     * still read (decoding the cut letter failed the whole file, so messages in doubt could never be checked).
     */
    @Test
    void aLineCutInsideALetterLeavesTheWholeLinesReadable() throws Exception {
        Path file = dir.resolve("sms/outbox.txt");
        FileSmsGateway gateway = new FileSmsGateway(file, Clock.systemUTC());
        gateway.send("+380501234567", "Заяву прийнято", "outbox-1");
        byte[] letter = "З".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, "2026-11-25T10:00:00Z\toutbox-2\t+380501234567\t".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        Files.write(file, new byte[] {letter[0]}, StandardOpenOption.APPEND);
        assertEquals(DeliveryCheck.DELIVERED, gateway.check("outbox-1"));
        assertEquals(DeliveryCheck.NOT_DELIVERED, gateway.check("outbox-2"));
    }

    @Test
    void aFileThatCannotBeReadIsATemporaryFailureOfTheCheck() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("outbox.txt"));
        FileSmsGateway gateway = new FileSmsGateway(directory, Clock.systemUTC());
        DeliveryException e = assertThrows(DeliveryException.class, () -> gateway.check("outbox-1"));
        assertFalse(e.permanent());
    }

    @Test
    void aFileThatCannotBeWrittenIsATemporaryFailure() throws Exception {
        Path notADirectory = dir.resolve("plain");
        Files.writeString(notADirectory, "x");
        FileSmsGateway gateway = new FileSmsGateway(notADirectory.resolve("outbox.txt"), Clock.systemUTC());
        DeliveryException e = assertThrows(DeliveryException.class, () -> gateway.send("+380501234567", "t", "outbox-1"));
        assertFalse(e.permanent());
    }

    /** A carriage return is escaped like a line feed: one SMS, one line, however a note was typed. */
    @Test
    void aCarriageReturnDoesNotSplitTheLine() throws Exception {
        Path file = dir.resolve("sms/outbox.txt");
        new FileSmsGateway(file, Clock.systemUTC()).send("+380501234567", "a\r\nb\rc", "k1");
        assertEquals(1, java.nio.file.Files.readString(file).lines().count());
        assertTrue(java.nio.file.Files.readString(file).contains("a\\r\\nb\\rc"));
    }

    /** Two gateways on one file (two configurations naming one path): every line whole, none lost. */
    @Test
    void twoGatewaysOnOneFileCutNoLine() throws Exception {
        Path file = dir.resolve("sms/outbox.txt");
        FileSmsGateway first = new FileSmsGateway(file, Clock.systemUTC());
        FileSmsGateway second = new FileSmsGateway(file, Clock.systemUTC());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            FileSmsGateway gateway = i % 2 == 0 ? first : second;
            String key = "key-" + i;
            sends.add(pool.submit(() -> {
                gateway.send("+380501234567", "Заява " + key + " прийнята", key);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> send : sends) {
            send.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<String> lines = java.nio.file.Files.readString(file).lines().toList();
        assertEquals(400, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.split("\t").length == 4 && line.endsWith("прийнята")), lines.toString());
        assertEquals(400, lines.stream().map(line -> line.split("\t")[1]).distinct().count());
    }
}
