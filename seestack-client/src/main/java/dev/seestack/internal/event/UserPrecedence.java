package dev.seestack.internal.event;

import dev.seestack.SeeStackContext;
import dev.seestack.User;
import dev.seestack.internal.http.MdcBridge;
import dev.seestack.internal.json.BlankText;

/**
 * Which user an event carries, in one place. Highest first: the event's own user (an {@code ErrorContext} user,
 * an HTTP event's {@code userId}), then the current thread's user id ({@code SeeStackContext}, else the MDC key
 * {@code userId}), then the global {@code setUser}; field by field, so a per-event user supplements the global
 * one instead of replacing it.
 */
public final class UserPrecedence {
    static final String MDC_USER_ID = "userId";

    private UserPrecedence() {
    }

    /** {@code own} with every field it lacks taken from {@code fallback}; null when both are null or empty. */
    public static User merge(User own, User fallback) {
        if (own == null || own.isEmpty()) {
            return fallback == null || fallback.isEmpty() ? null : fallback;
        }
        if (fallback == null || fallback.isEmpty()) {
            return own;
        }
        return User.of(first(own.id(), fallback.id()), first(own.email(), fallback.email()),
                first(own.ip(), fallback.ip()));
    }

    /** The user of an error: {@code own} (may be null), then the thread's user id, then {@code global}. */
    public static User forError(User own, User global) {
        String threadId = currentThreadUserId();
        return merge(merge(own, threadId == null ? null : User.ofId(threadId)), global);
    }

    /** The {@code userId} an HTTP item falls back to when its event has none: the thread's, else the global user's. */
    public static String fallbackHttpUserId(User global) {
        String threadId = currentThreadUserId();
        if (threadId != null) {
            return threadId;
        }
        return global == null || BlankText.isBlank(global.id()) ? null : global.id();
    }

    /** The current thread's user id: {@code SeeStackContext} first, then the SLF4J MDC; null when neither has one. */
    public static String currentThreadUserId() {
        String id = SeeStackContext.current().userId();
        if (!BlankText.isBlank(id)) {
            return id;
        }
        id = MdcBridge.get(MDC_USER_ID);
        return BlankText.isBlank(id) ? null : id;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
