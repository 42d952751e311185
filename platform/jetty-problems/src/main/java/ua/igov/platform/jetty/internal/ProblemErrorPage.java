package ua.igov.platform.jetty.internal;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The error page of the whiteboard's default context, where the API and the API docs live: Jetty's 404 for an
 * address no servlet serves (e.g. {@code /etc/passwd}, reached by an encoded "../" that climbs out of /api), and a
 * servlet's {@code sendError}, as problem documents instead of Jetty's HTML pages. The API's own answers never come
 * here: they are written as problem documents already.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.errorPage=4xx",
        "osgi.http.whiteboard.servlet.errorPage=5xx",
        "osgi.http.whiteboard.servlet.name=igov-problem-error-page"})
public final class ProblemErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number ? number : response.getStatus();
        byte[] body = JettyRefusal.error(code, (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE),
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        response.setContentType(JettyRefusal.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
