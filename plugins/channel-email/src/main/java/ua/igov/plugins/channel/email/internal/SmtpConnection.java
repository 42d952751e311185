package ua.igov.plugins.channel.email.internal;

import java.time.Duration;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;

/**
 * One SMTP connection, kept open from one message to the next while they keep coming: a backlog of notifications
 * goes over one connection, not one each. A connection per message cost a TCP connection, the server's greeting,
 * EHLO (and a TLS handshake and sign-in, where configured) and, in Jakarta Mail 1.6 with a write timeout, a new
 * thread, for every message: 20 000 messages started 20 000 threads.
 *
 * <p>A connection is used again only if its last message went less than {@code idle} ago and the server still
 * answers a NOOP: one the server dropped meanwhile is replaced before a message is given to it, so a message is never
 * lost in a connection that was already dead. After {@code messagesPerConnection} messages it is closed (servers
 * limit messages per connection), and after any failure (the conversation's state is then unknown).
 */
final class SmtpConnection implements AutoCloseable {

    private final Session session;
    private final String username;
    private final String password;
    private final int messagesPerConnection;
    private final long idleNanos;
    private Transport transport;
    private int sent;
    private long lastUsed;
    private int opened;

    SmtpConnection(Session session, String username, String password, int messagesPerConnection, Duration idle) {
        this.session = session;
        this.username = username;
        this.password = password;
        this.messagesPerConnection = messagesPerConnection;
        this.idleNanos = idle.toNanos();
    }

    /** Sends the message over the open connection, or a new one; on any failure the connection is closed. */
    synchronized void send(MimeMessage message) throws MessagingException {
        message.saveChanges(); // as Transport.send does: headers, Message-ID
        Transport open = open();
        try {
            open.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
        lastUsed = System.nanoTime();
        if (++sent >= messagesPerConnection) {
            close();
        }
    }

    private Transport open() throws MessagingException {
        if (transport != null && (System.nanoTime() - lastUsed > idleNanos || !transport.isConnected())) {
            close(); // idle too long (the server may be about to drop it), or dropped already: NOOP failed
        }
        if (transport == null) {
            Transport fresh = session.getTransport();
            if (username.isEmpty()) {
                fresh.connect();
            } else {
                fresh.connect(username, password);
            }
            transport = fresh;
            sent = 0;
            opened++;
        }
        return transport;
    }

    /** How many connections were opened so far (for tests). */
    synchronized int opened() {
        return opened;
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            try {
                transport.close(); // QUIT
            } catch (MessagingException e) {
                // the server went away already: nothing to close
            }
            transport = null;
        }
    }
}
