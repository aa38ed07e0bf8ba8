package dev.seestack.internal.http;

import dev.seestack.ErrorContext;
import dev.seestack.SeeStackConfig;
import dev.seestack.http.HttpRequestEvent;
import dev.seestack.internal.Capture;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.UserPrecedence;
import dev.seestack.internal.screen.BreadcrumbTrail;
import java.net.URI;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A client's HTTP monitoring: turns events into buffered items when a valid {@code projectId} is configured,
 * and otherwise counts them as rejected after one warning. Also knows the SeeStack host, whose own traffic is
 * never recorded.
 */
public final class HttpMonitor {
    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Capture capture;
    private final String configuredProjectId;
    private final String projectId;
    private final String ownHost;
    private final int ownPort;
    private final BreadcrumbTrail breadcrumbs;
    private final BiConsumer<Throwable, ErrorContext> escapedErrors;

    /**
     * A monitor that hands items to {@code capture}, records breadcrumbs into {@code breadcrumbs} and sends exceptions
     * escaping a request to {@code escapedErrors} (the client's {@code captureEscapedError}).
     */
    public HttpMonitor(Capture capture, SeeStackConfig config, BreadcrumbTrail breadcrumbs,
            BiConsumer<Throwable, ErrorContext> escapedErrors) {
        this.capture = capture;
        this.breadcrumbs = breadcrumbs;
        this.escapedErrors = escapedErrors;
        this.configuredProjectId = config.projectId();
        this.projectId = isValidProjectId(configuredProjectId) ? configuredProjectId : null;
        URI own = URI.create(config.host());
        this.ownHost = own.getHost() == null ? "" : own.getHost().toLowerCase(Locale.ROOT);
        this.ownPort = effectivePort(own.getScheme(), own.getPort());
    }

    /** Whether {@code id} is a UUID, as the http-requests endpoint requires. */
    public static boolean isValidProjectId(String id) {
        return id != null && UUID.matcher(id).matches();
    }

    /** Buffers {@code event}; never throws. */
    public void capture(HttpRequestEvent event) {
        try {
            if (!capture.admits(Feature.HTTP_REQUESTS)) {
                return;
            }
            if (projectId == null) {
                capture.diagnostics().warnOnce("http-no-project", "SeeStack SDK: HTTP monitoring is off because option"
                        + " 'projectId' is " + (configuredProjectId == null ? "not set" : "not a UUID")
                        + " (or set SEESTACK_PROJECT_ID); HTTP requests are not recorded.");
                capture.rejectLocally(Feature.HTTP_REQUESTS, "HTTP monitoring is off (no valid projectId)");
                return;
            }
            String problem = HttpItem.invalidReason(event);
            if (problem != null) {
                capture.rejectLocally(Feature.HTTP_REQUESTS, problem);
                return;
            }
            capture.enqueue(HttpItem.from(event, UserPrecedence.fallbackHttpUserId(capture.user())));
        } catch (RuntimeException | LinkageError e) {
            // the event is lost: counted like any other local drop
            capture.rejectLocally(Feature.HTTP_REQUESTS, "HTTP request could not be recorded: " + e);
            recordInternalFailure(e);
        }
    }

    /** The breadcrumbs of the client's traces (an outbound call is one). */
    public BreadcrumbTrail breadcrumbs() {
        return breadcrumbs;
    }

    /** Captures an exception that escaped a served request, once (see the client's {@code captureEscapedError}). */
    public void captureEscapedError(Throwable failure, ErrorContext context) {
        escapedErrors.accept(failure, context);
    }

    /** Whether a request to this host/port goes to SeeStack itself (never recorded). */
    public boolean isSeeStackHost(String scheme, String host, int port) {
        if (host == null) {
            return false;
        }
        return ownHost.equals(host.toLowerCase(Locale.ROOT)) && ownPort == effectivePort(scheme, port);
    }

    /** Counts a failure of the SDK's own HTTP-monitoring code (swallowed so the request is never broken). */
    public void recordInternalFailure(Throwable e) {
        capture.diagnostics().debug(() -> "HTTP monitoring failure (swallowed): " + e);
    }

    private static int effectivePort(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
