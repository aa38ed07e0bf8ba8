package dev.seestack.internal.http;

/**
 * What a server integration (a servlet filter) reports about a request once it is served, read when the
 * exchange is recorded. Implementations read the container's request and their counting wrappers.
 */
public interface ServedRequest {
    /** The request method, e.g. {@code GET}. */
    String method();

    /** A request header, or null. */
    String header(String name);

    /** The server name the container resolved, used when there is no {@code Host} header. */
    String serverName();

    /** The request path without query string. */
    String path();

    /** The response status the application set. */
    int status();

    /** Request body bytes: the declared length, or the bytes the application read. */
    long requestBytes();

    /** Response body bytes the application wrote. */
    long responseBytes();
}
