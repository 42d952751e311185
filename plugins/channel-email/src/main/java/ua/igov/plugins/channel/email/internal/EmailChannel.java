package ua.igov.plugins.channel.email.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.activation.DataHandler;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.search.MessageIDTerm;
import javax.mail.util.ByteArrayDataSource;

import com.sun.mail.smtp.SMTPAddressFailedException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;

/**
 * The {@code email} channel: each message goes to the configured SMTP server as plain UTF-8 text. Its Message-ID
 * is made from the message's key, so if a crash makes the platform send it again, the copy has the same Message-ID
 * and mail systems that de-duplicate (and the citizen's mail client threading) see one message.
 *
 * <p>With a journal mailbox configured ({@code journalAddress} and its IMAP settings), every message is also sent
 * (BCC) to that mailbox in the same SMTP transaction, so the server accepts both copies or neither. The channel then
 * tells whether a message in doubt was accepted by searching the journal for its Message-ID ({@link #check}), and the
 * platform does not send it twice. Without a journal it cannot tell, and a message in doubt is sent again.
 */
@Component(service = NotificationChannel.class, configurationPid = EmailChannel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EmailChannel.Config.class)
public class EmailChannel implements NotificationChannel {

    static final String PID = "ua.igov.channel.email";
    private static final System.Logger LOG = System.getLogger(EmailChannel.class.getName());

    @ObjectClassDefinition(name = "iGov e-mail channel", description = "The SMTP server notifications are sent through")
    public @interface Config {
        @AttributeDefinition(description = "SMTP server host")
        String host() default "localhost";

        @AttributeDefinition(description = "SMTP server port (25, 587 with STARTTLS, 465 with TLS)")
        int port() default 25;

        @AttributeDefinition(description = "The sender, e.g. iGov <no-reply@igov.example>")
        String from() default "iGov <no-reply@localhost>";

        @AttributeDefinition(description = "Upgrade the connection with STARTTLS and refuse to send without it")
        boolean startTls() default false;

        @AttributeDefinition(description = "Connect over TLS from the start (port 465)")
        boolean tls() default false;

        @AttributeDefinition(description = "SMTP user name; empty for no authentication", required = false)
        String username() default "";

        @AttributeDefinition(description = "SMTP password", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        @AttributeDefinition(description = "Connect and read timeout, in milliseconds: a hung server fails the attempt")
        int timeoutMillis() default 10000;

        @AttributeDefinition(description = "Messages sent over one SMTP connection before it is closed and a new one "
                + "opened; 1 opens a connection for every message")
        int messagesPerConnection() default 100;

        @AttributeDefinition(description = "Seconds an open SMTP connection is used again after its last message; "
                + "after a longer pause the next message opens a new one")
        int idleSeconds() default 5;

        @AttributeDefinition(description = "A mailbox that gets a copy (BCC) of every message, read over IMAP to tell "
                + "whether a message was sent before a node died; empty for none", required = false)
        String journalAddress() default "";

        @AttributeDefinition(description = "IMAP server of the journal mailbox", required = false)
        String journalImapHost() default "localhost";

        @AttributeDefinition(description = "IMAP port of the journal mailbox (993 with TLS, 143 without)", required = false)
        int journalImapPort() default 993;

        @AttributeDefinition(description = "Connect to the journal's IMAP server over TLS", required = false)
        boolean journalImapTls() default true;

        @AttributeDefinition(description = "IMAP user name of the journal mailbox", required = false)
        String journalUsername() default "";

        @AttributeDefinition(description = "IMAP password of the journal mailbox", type = AttributeType.PASSWORD,
                required = false)
        String _journalPassword() default "";

        @AttributeDefinition(description = "The journal mailbox's folder the copies arrive in", required = false)
        String journalFolder() default "INBOX";
    }

    private final Config config;
    private final Session session;
    private final InternetAddress from;
    private final String domain;
    private final InternetAddress journal;
    private final Session journalSession;
    private final SmtpConnection smtp;

    @Activate
    public EmailChannel(Config config) {
        this.config = config;
        if (config.timeoutMillis() <= 0) {
            // Jakarta Mail reads 0 or less as "wait for ever": one hung server would hold the e-mail lane and its leases
            throw new IllegalArgumentException("'timeoutMillis' of " + PID + " must be more than 0, was "
                    + config.timeoutMillis());
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw new IllegalArgumentException("'port' of " + PID + " must be 1 to 65535, was " + config.port());
        }
        if (config.messagesPerConnection() < 1) {
            throw new IllegalArgumentException("'messagesPerConnection' of " + PID + " must be at least 1, was "
                    + config.messagesPerConnection());
        }
        if (config.idleSeconds() < 0) {
            throw new IllegalArgumentException("'idleSeconds' of " + PID + " must be 0 or more, was "
                    + config.idleSeconds());
        }
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("'from' of " + PID + " is not an e-mail address: " + config.from(), e);
        }
        String address = from.getAddress();
        this.domain = address.substring(address.indexOf('@') + 1);
        this.session = Session.getInstance(properties(config));
        this.smtp = new SmtpConnection(session, config.username(), config._password(), config.messagesPerConnection(),
                java.time.Duration.ofSeconds(config.idleSeconds()));
        this.journal = journal(config);
        this.journalSession = journal == null ? null : Session.getInstance(journalProperties(config));
        LOG.log(System.Logger.Level.INFO, "E-mail channel sends through " + config.host() + ":" + config.port()
                + (config.tls() ? " (TLS)" : config.startTls() ? " (STARTTLS)" : "")
                + (journal == null ? "; no journal mailbox: a message in doubt after a crash is sent again"
                : "; journal mailbox " + journal.getAddress() + " read at " + config.journalImapHost() + ":"
                + config.journalImapPort()));
    }

    private static InternetAddress journal(Config config) {
        if (config.journalAddress().isBlank()) {
            return null;
        }
        if (config.journalUsername().isBlank()) {
            throw new IllegalArgumentException("'journalAddress' of " + PID + " needs 'journalUsername' (and "
                    + "'.journalPassword') to read the journal mailbox over IMAP");
        }
        try {
            return new InternetAddress(config.journalAddress(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("'journalAddress' of " + PID + " is not an e-mail address: "
                    + config.journalAddress(), e);
        }
    }

    private static Properties journalProperties(Config config) {
        String protocol = config.journalImapTls() ? "imaps" : "imap";
        Properties p = server(protocol, config.journalImapHost(), config.journalImapPort(), config.timeoutMillis());
        p.put("mail.store.protocol", protocol);
        if (config.journalImapTls()) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** Where a Jakarta Mail protocol connects, and how long it waits: a hung server fails the call. */
    private static Properties server(String protocol, String host, int port, int timeoutMillis) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".host", host);
        p.put("mail." + protocol + ".port", String.valueOf(port));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeoutMillis));
        p.put("mail." + protocol + ".timeout", String.valueOf(timeoutMillis));
        return p;
    }

    private static Properties properties(Config config) {
        String protocol = config.tls() ? "smtps" : "smtp";
        Properties p = server(protocol, config.host(), config.port(), config.timeoutMillis());
        // the protocol Session.getTransport() opens; and Transport.send, which picks it by the recipient's address
        // type (rfc822, plain smtp unless told), once sent tls = true in plain text to localhost:25 without the second
        p.put("mail.transport.protocol", protocol);
        p.put("mail.transport.protocol.rfc822", protocol);
        p.put("mail." + protocol + ".writetimeout", String.valueOf(config.timeoutMillis()));
        p.put("mail." + protocol + ".auth", String.valueOf(!config.username().isEmpty()));
        if (config.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (config.tls() || config.startTls()) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public String id() {
        return "email";
    }

    /** The channel is going (plugin stopped, settings changed): its open connection says QUIT. */
    @Deactivate
    public void close() {
        smtp.close();
    }

    /** How many SMTP connections this channel opened so far (for tests). */
    int connectionsOpened() {
        return smtp.opened();
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        // In OSGi, Jakarta Mail finds its providers and handlers through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            smtp.send(mime(message));
        } catch (AddressException e) {
            // the address itself stays out: this text goes to the log and to last_error (platform:outbox shows the row)
            throw DeliveryException.permanent("the recipient is not an e-mail address", e);
        } catch (SendFailedException e) {
            Optional<SMTPAddressFailedException> refusal = refusalOf(e, message.recipient());
            String answer = refusal.map(r -> String.valueOf(r.getMessage()).strip()).orElse(e.getMessage());
            throw refusal.isPresent() && isAboutTheAddress(refusal.get().getReturnCode(), answer)
                    ? DeliveryException.permanent("the server refused the recipient: " + withoutAddresses(answer), e)
                    : DeliveryException.temporary(withoutAddresses(answer), e);
        } catch (com.sun.mail.util.MailConnectException | javax.mail.AuthenticationFailedException e) {
            // no connection, or no sign-in: the server never had the message
            throw DeliveryException.temporary("SMTP " + config.host() + ":" + config.port() + ": "
                    + withoutAddresses(e.getMessage()), e);
        } catch (MessagingException e) {
            // The connection broke or timed out in the middle of the conversation, perhaps after the whole message
            // went and before the server's last "250" came back: it may have it. Said so, the platform asks check()
            // (the journal mailbox) before sending it again, so it goes once.
            throw DeliveryException.outcomeUnknown("SMTP " + config.host() + ":" + config.port() + ": "
                    + withoutAddresses(e.getMessage()), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Searches the journal mailbox for the message's Message-ID: there means the SMTP server accepted the message
     * (with its journal copy, in one transaction). Without a journal, {@link DeliveryCheck#UNKNOWN}. A copy the
     * server accepted but has not yet put into the mailbox reads as not there: the lease a node holds a message for
     * (two minutes by default) is the time a copy has to arrive.
     */
    @Override
    public DeliveryCheck check(OutgoingMessage message) throws DeliveryException {
        if (journal == null) {
            return DeliveryCheck.UNKNOWN;
        }
        String messageId = messageId(message);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try (Store store = journalSession.getStore()) {
            store.connect(config.journalUsername(), config._journalPassword());
            Folder folder = store.getFolder(config.journalFolder());
            folder.open(Folder.READ_ONLY);
            try {
                // IMAP searches headers for a substring; the angle brackets make it the whole id, and the match is
                // checked again here
                for (Message found : folder.search(new MessageIDTerm(messageId))) {
                    String[] ids = found.getHeader("Message-ID");
                    if (ids != null && Arrays.stream(ids).anyMatch(id -> id.trim().equals(messageId))) {
                        return DeliveryCheck.DELIVERED;
                    }
                }
                return DeliveryCheck.NOT_DELIVERED;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw DeliveryException.temporary("journal mailbox " + config.journalImapHost() + ":"
                    + config.journalImapPort() + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private String messageId(OutgoingMessage message) {
        return "<" + message.key() + "." + (message.trackingNumber() == null ? "igov" : message.trackingNumber())
                + "@" + domain + ">";
    }

    private MimeMessage mime(OutgoingMessage message) throws MessagingException {
        String messageId = messageId(message);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the same on every attempt, on every node
            }
        };
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        if (journal != null) {
            // one transaction for both recipients: the server takes both copies or neither (no partial sends)
            mime.setRecipient(Message.RecipientType.BCC, journal);
        }
        mime.setSubject(message.subject() == null ? "" : message.subject(), StandardCharsets.UTF_8.name());
        // The text as bytes with its type: no activation handler lookup, which a class loader per bundle can break.
        mime.setDataHandler(new DataHandler(new ByteArrayDataSource(message.body().getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8")));
        if (message.trackingNumber() != null) {
            mime.setHeader("X-iGov-Tracking-Number", message.trackingNumber());
        }
        return mime;
    }

    /**
     * The server's refusal of the citizen's own address, if it refused that one. Jakarta Mail reports every 5xx
     * answer to a {@code RCPT TO} as an invalid address, each as an exception of its own, chained; one refused
     * journal address (BCC) is no reason to give up on the citizen's message, which was not sent either (no
     * partial sends).
     */
    static Optional<SMTPAddressFailedException> refusalOf(SendFailedException e, String recipient) {
        for (Exception next = e.getNextException(); next instanceof MessagingException answer;
             next = answer.getNextException()) {
            if (answer instanceof SMTPAddressFailedException refused
                    && refused.getAddress().getAddress().equalsIgnoreCase(recipient)) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** RFC 3463's 5.1.x about the destination: bad mailbox, system, syntax, moved, no mail accepted (RFC 7505). */
    private static final java.util.Set<String> ADDRESS_DETAILS = java.util.Set.of("1", "2", "3", "6", "10");
    private static final Pattern ENHANCED_STATUS = Pattern.compile("^\\s*\\d{3}[ -]5\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    /**
     * Whether a refusal is about the address itself, so sending again can never work: by the enhanced status when
     * the server gives one (5.1.1, 5.1.2, 5.1.3, 5.1.6, 5.1.10: no such mailbox or domain, bad syntax, moved; 5.2.1:
     * mailbox disabled; not 5.1.7 or 5.1.8, which are about the sender), otherwise by the
     * reply code (550, 551) unless the answer speaks of relaying. A refusal by policy (5.7.x: relaying denied, as for
     * a node the relay does not know yet), a full mailbox (552, 5.2.2), a failed transaction (554) and anything
     * unclear is retried: taken for final wrongly, a message would be lost; taken for passing wrongly, it only ends
     * as a dead letter later.
     */
    static boolean isAboutTheAddress(int replyCode, String answer) {
        Matcher enhanced = ENHANCED_STATUS.matcher(answer);
        if (enhanced.find()) {
            // 5.1.7 and 5.1.8 are about the sender (ours), which a server may answer to RCPT TO as well
            return enhanced.group(1).equals("1") && ADDRESS_DETAILS.contains(enhanced.group(2))
                    || enhanced.group(1).equals("2") && enhanced.group(2).equals("1");
        }
        return (replyCode == 550 || replyCode == 551) && !answer.toLowerCase(java.util.Locale.ROOT).contains("relay");
    }

    /** An SMTP server's answer often repeats the recipient's address (550 5.1.1 <taras@example.org>...): masked. */
    static String withoutAddresses(String text) {
        return text == null ? null : text.replaceAll("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", "[address]");
    }
}
