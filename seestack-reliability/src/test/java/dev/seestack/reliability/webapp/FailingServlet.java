package dev.seestack.reliability.webapp;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Throws out of {@code service()}, so that Tomcat logs {@code Servlet.service() ... threw exception} on the request
 * thread: a plain {@link IllegalStateException}, or with {@code ?wrapped} a {@link ServletException} around one
 * (Tomcat then logs the root cause).
 */
public class FailingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        IllegalStateException failure = new IllegalStateException("order " + request.getHeader("X-Request-ID")
                + " failed");
        if (request.getParameter("wrapped") != null) {
            throw new ServletException("could not place the order", failure);
        }
        throw failure;
    }
}
