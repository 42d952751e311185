package ua.igov.platform.jetty.internal;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferOutputStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The server-wide error handler: Jetty's own refusals as problem documents instead of its HTML pages. The API's
 * servlet context keeps its own handling; this one answers only what no context took.
 */
final class ProblemErrorHandler extends ErrorHandler {

    ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** A request Jetty's parser refused: there is no request object, only the status and Jetty's reason. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JettyRefusal.MEDIA_TYPE);
        return ByteBuffer.wrap(JettyRefusal.badMessage(status, reason));
    }

    /** An error Jetty answers for a request it read (no context for the address, say), whatever it accepts. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        byte[] body = JettyRefusal.error(code, message, request.getRequestURI());
        response.setContentType(JettyRefusal.MEDIA_TYPE);
        // like Jetty's own pages: into the response's aggregate buffer, sent on completion
        try (ByteBufferOutputStream out = new ByteBufferOutputStream(baseRequest.getResponse().getHttpOutput().getBuffer())) {
            out.write(body);
        } catch (BufferOverflowException e) {
            baseRequest.getResponse().resetContent(); // not with the address capped; if it did, no body at all
        }
        baseRequest.getHttpChannel().sendResponseAndComplete();
    }
}
