package ua.igov.plugins.channel.smsfile.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.SmsGateway;

/**
 * A development SMS gateway: each SMS is one line appended to a file, {@code time<TAB>key<TAB>number<TAB>text}, so
 * a developer (or a test) sees what citizens would receive. Never for production: nothing reaches a phone. The file
 * is also its record of what it accepted, so it can tell whether an SMS in doubt was written ({@link #check}).
 */
@Component(service = SmsGateway.class, configurationPid = FileSmsGateway.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FileSmsGateway.Config.class)
public class FileSmsGateway implements SmsGateway {

    static final String PID = "ua.igov.channel.smsfile";
    private static final System.Logger LOG = System.getLogger(FileSmsGateway.class.getName());

    @ObjectClassDefinition(name = "iGov development SMS gateway", description = "Writes SMS to a file instead of sending them")
    public @interface Config {
        @AttributeDefinition(description = "The file, relative to karaf.data unless absolute")
        String file() default "sms/outbox.txt";
    }

    private final Path file;
    private final Clock clock;

    @Activate
    public FileSmsGateway(Config config) {
        this(resolve(config.file()), Clock.systemUTC());
    }

    /**
     * One writer at a time per file among the gateways of this class (a file lock cannot be taken twice in one JVM:
     * it would throw). Static is per class loader: a plugin update's new copy of the class has its own.
     */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> WRITERS = new java.util.concurrent.ConcurrentHashMap<>();

    FileSmsGateway(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        LOG.log(System.Logger.Level.WARNING, "Development SMS gateway: SMS are written to " + file
                + " and reach no phone; never install it in production.");
    }

    private static Path resolve(String configured) {
        Path path = Path.of(configured);
        return path.isAbsolute() ? path : Path.of(System.getProperty("karaf.data", "data")).resolve(path);
    }

    @Override
    public void send(String phoneNumber, String text, String key) throws DeliveryException {
        synchronized (WRITERS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object())) {
            write(phoneNumber, text, key);
        }
    }

    private void write(String phoneNumber, String text, String key) throws DeliveryException {
        // One line per SMS whatever the text holds, so the file reads (and greps) as a list of messages.
        String line = Instant.now(clock) + "\t" + key + "\t" + phoneNumber + "\t"
                + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                + System.lineSeparator();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 // another process on the file (another node on a shared path) waits for it; in this JVM, WRITERS
                 // keeps this class's gateways in turn, and another copy of the class (a plugin update's) meets the
                 // lock as taken: that SMS fails for now and is retried
                 java.nio.channels.FileLock lock = channel.lock()) {
                // A line cut short (the node died writing it) is no message: it goes, or the line written after it
                // would end it, and a check would take it for a whole one.
                channel.truncate(endOfLastWholeLine(channel));
                channel.position(channel.size());
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw DeliveryException.temporary("cannot write " + file + ": " + e.getMessage(), e);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // another instance in this JVM holds it (the bundle being replaced): the next round writes it
            throw DeliveryException.temporary("another SMS gateway is writing " + file, e);
        }
    }

    /** Where the last line break ends: the file's size if it ends with one; 0 if it has none. */
    private static long endOfLastWholeLine(FileChannel channel) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        for (long end = channel.size(); end > 0; ) {
            long start = Math.max(0, end - chunk.capacity());
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) >= 0) {
                // read the whole chunk
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /** Written if a whole line (one ending in a line break: a write cut short is not a message) carries the key. */
    @Override
    public synchronized DeliveryCheck check(String key) throws DeliveryException {
        if (!Files.exists(file)) {
            return DeliveryCheck.NOT_DELIVERED;
        }
        // the text's own tabs are escaped, so a tab-delimited key is the key field
        String field = "\t" + key + "\t";
        try {
            // What follows the last line break is a line cut short, perhaps in the middle of a Cyrillic letter's
            // bytes: cut off before decoding, or it makes the whole file unreadable.
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            String content = new String(bytes, 0, end, StandardCharsets.UTF_8);
            return content.lines().anyMatch(line -> line.contains(field))
                    ? DeliveryCheck.DELIVERED : DeliveryCheck.NOT_DELIVERED;
        } catch (IOException e) {
            throw DeliveryException.temporary("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
