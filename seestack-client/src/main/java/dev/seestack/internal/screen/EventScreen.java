package dev.seestack.internal.screen;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.event.MetadataSnapshot;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What a client decides about each error and log before it is buffered: ignored exception types, the
 * per-group rate limit, and the metadata it adds (tags, {@code serverName}, breadcrumbs of the error's trace,
 * {@code suppressedSinceLast}). Owns the client's {@link BreadcrumbTrail}.
 */
public final class EventScreen {
    private final Map<String, Object> tags;
    private final String serverName;
    private final IgnoredExceptions ignored;
    private final ErrorRateLimiter limiter;
    private final BreadcrumbTrail trail;

    /** The screen of {@code config}; the rate limiter reads time (epoch ms) from {@code clockMs}. */
    public EventScreen(SeeStackConfig config, LongSupplier clockMs) {
        this.tags = EventTags.parse(config.tags());
        this.serverName = config.serverName();
        this.ignored = new IgnoredExceptions(config.ignoredExceptions());
        this.limiter = new ErrorRateLimiter(config.maxErrorsPerGroupPerMinute(), clockMs);
        this.trail = new BreadcrumbTrail(config.maxBreadcrumbs());
    }

    /** The breadcrumbs of this client's traces. */
    public BreadcrumbTrail trail() {
        return trail;
    }

    /** Whether {@code throwable} is of an ignored type (subclasses included). */
    public boolean ignores(Throwable throwable) {
        return ignored.ignores(throwable);
    }

    /** {@link ErrorRateLimiter#REFUSED}, or the errors of this one's group refused since the last one sent. */
    public long admit(Throwable throwable) {
        return limiter.admit(throwable);
    }

    /** An error's metadata with tags, server name, the breadcrumbs of trace {@code crumbKey} and the suppressed count. */
    public MetadataSnapshot forError(MetadataSnapshot base, String crumbKey, long suppressedSinceLast) {
        return new MetadataAdditions(base, tags, serverName, suppressedSinceLast, trail.snapshot(crumbKey));
    }

    /** A log's metadata with the tags ({@code base} itself when there are none). */
    public MetadataSnapshot forLog(MetadataSnapshot base) {
        return tags.isEmpty() ? base : new MetadataAdditions(base, tags, null, 0, null);
    }

    public boolean tagsLogs() {
        return !tags.isEmpty();
    }
}
