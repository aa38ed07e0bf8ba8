package dev.seestack;

/**
 * A hook run on an SDK thread (never the application's) just before an error, log or HTTP item is sent: it returns
 * the event, its metadata changed or not, or {@code null} to drop it (counted in {@code droppedByHook}). A hook that
 * throws leaves the event as it was, with one warning on stderr.
 */
@FunctionalInterface
public interface BeforeSend {
    /** The event to send ({@code event} itself, usually with its metadata changed), or null to drop it. */
    SeeStackEvent apply(SeeStackEvent event);
}
