import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mail server for the bench that accepts every message and keeps none: `java bench/SmtpSink.java PORT [COUNT_FILE]`;
 * with a file, how many messages it accepted so far is written there every 200 ms (how the bench sees the outbox
 * drain without asking the server, which would spend the server's CPU on the asking).
 *
 * <p>Why: every bench submission leaves its citizen an e-mail in the outbox. With no mail server listening, each
 * send failed, was put back to be retried, and the retries of tens of thousands of messages ran beside every
 * endpoint measured after the submissions (the catalogue search's p99 doubled). A real installation sends each
 * message once; so does the bench, to this sink on 127.0.0.1. It speaks just enough SMTP for Jakarta Mail.
 */
public class SmtpSink {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        AtomicLong accepted = new AtomicLong();
        if (args.length > 1) {
            java.nio.file.Path count = java.nio.file.Path.of(args[1]);
            Thread writer = new Thread(() -> {
                try {
                    for (long written = -1; ; Thread.sleep(200)) {
                        long now = accepted.get();
                        if (now != written) {
                            java.nio.file.Files.writeString(count, now + "\n");
                            written = now;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the bench is over
                }
            }, "smtp-sink-count");
            writer.setDaemon(true);
            writer.start();
        }
        try (ServerSocket server = new ServerSocket(port, 256, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket, accepted), "smtp-sink");
                connection.setDaemon(true);
                connection.start();
            }
        }
    }

    private static void serve(Socket socket, AtomicLong accepted) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            say(out, "220 bench-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250 bench-sink");
                    case "DATA" -> {
                        say(out, "354 end with .");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message is dropped
                        }
                        accepted.incrementAndGet();
                        say(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 OK"); // MAIL FROM, RCPT TO, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to keep
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
