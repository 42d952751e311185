package ua.igov.platform.apidocs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Swagger UI on the HTTP whiteboard at {@code /api-docs/}, reading the live {@code /api/openapi.json}. Every file it
 * serves is inside this bundle, so the page works on a runtime without network access.
 *
 * <p>The page is ours ({@code api-docs/index.html}); the scripts and styles are Swagger UI's distribution, unpacked
 * from the webjar into {@code swagger-ui/} at build time.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api-docs/*",
        "osgi.http.whiteboard.servlet.name=igov-api-docs-ui"})
public class SwaggerUiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PAGE = "/api-docs/index.html";
    static final String ASSETS = "/swagger-ui/";
    /** Where the page finds the document; the servlet context's path is put in front of it. */
    static final String OPENAPI_PATH = "/api/openapi.json";

    /**
     * GET and HEAD only. The servlet's defaults would answer TRACE by echoing every request header (Authorization and
     * cookies included) and an unknown method with 501, which reads as the server's own failure.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws javax.servlet.ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, HEAD");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo();
        if (file == null) {
            // relative links in the page only work below /api-docs/
            response.sendRedirect(request.getContextPath() + "/api-docs/");
        } else if (file.equals("/") || file.equals("/index.html")) {
            servePage(request, response);
        } else {
            serveAsset(file, response);
        }
    }

    private void servePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = new String(read(resource(PAGE)), StandardCharsets.UTF_8)
                .replace("{{openapiUrl}}", request.getContextPath() + OPENAPI_PATH);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        send(page.getBytes(StandardCharsets.UTF_8), response);
    }

    private void serveAsset(String file, HttpServletResponse response) throws IOException {
        String type = ContentTypes.of(file);
        URL asset = AssetPaths.isPlainFileName(file) && type != null ? resource(ASSETS + file.substring(1)) : null;
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        // the files change only with the bundle; a day is short enough for an upgrade to show
        response.setHeader("Cache-Control", "public, max-age=86400");
        send(read(asset), response);
    }

    private static URL resource(String path) {
        return SwaggerUiServlet.class.getResource(path);
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static void send(byte[] body, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
