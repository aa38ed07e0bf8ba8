package dev.seestack.internal.event;

import dev.seestack.User;
import dev.seestack.internal.json.BlankText;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One captured error. The throwable is kept and rendered on the sender thread (frames are immutable once
 * filled in), which keeps the rendering cost off the application's thread.
 */
public final class ErrorEntry extends MetadataPayload {
    /** The backend stores {@code exceptionClass} in 255 characters and {@code environment} in 100. */
    public static final int MAX_CLASS_CHARS = 255;
    public static final int MAX_ENVIRONMENT_CHARS = 100;
    /** Metadata key holding the cause chain's {@code class: message} lines (the trace names the classes only). */
    public static final String CAUSES_KEY = "causes";

    private final Throwable throwable;
    private final String fallbackMessage;
    private final Severity level;
    private final String environment;
    private final String release;
    private final User user;

    /**
     * @param fallbackMessage used when the throwable has no message (e.g. the log message); may be null
     * @param metadata a sanitized snapshot (see {@link MetadataSanitizer})
     */
    public ErrorEntry(Throwable throwable, String fallbackMessage, Severity level, String environment, String release,
            User user, Map<String, Object> metadata) {
        this(throwable, fallbackMessage, level, environment, release, user, MetadataSnapshot.of(metadata));
    }

    /** An error whose metadata is assembled later from {@code snapshot} (adapters). */
    public ErrorEntry(Throwable throwable, String fallbackMessage, Severity level, String environment, String release,
            User user, MetadataSnapshot snapshot) {
        super(snapshot);
        this.throwable = throwable;
        this.fallbackMessage = fallbackMessage;
        this.level = level == null ? Severity.ERROR : level;
        this.environment = environment;
        this.release = release;
        this.user = user;
    }

    @Override
    public Feature feature() {
        return Feature.ERRORS;
    }

    public Throwable throwable() {
        return throwable;
    }

    public Severity level() {
        return level;
    }

    public User user() {
        return user;
    }

    @Override
    int ownRetainedBytes() {
        return HeapEstimate.OBJECT_BYTES + HeapEstimate.ofThrowable(throwable) + HeapEstimate.of(fallbackMessage);
    }

    @Override
    boolean masksSql() {
        return true;
    }

    @Override
    void writeFields(JsonWriter out, SensitiveDataMasker masker) {
        String className = throwable.getClass().getName();
        out.beginObject()
                .name("exceptionClass").value(MetadataSanitizer.truncateWithin(className, MAX_CLASS_CHARS))
                .name("message").value(masker.maskErrorText(MetadataSanitizer.truncate(message(className),
                        LogEntry.MAX_MESSAGE_CHARS)));
        out.name("stackTrace").beginArray();
        ThrowableRenderer.render(throwable, new ThrowableRenderer.Sink() {
            @Override
            public void frame(StackTraceElement frame) {
                // frames hold only class, method and file names: written directly, no masking needed
                out.frameValue(frame);
            }

            @Override
            public void line(String text) {
                out.value(masker.maskErrorText(text));
            }
        });
        out.endArray();
        out.name("level").value(level.wireName())
                .optional("environment", MetadataSanitizer.truncateWithin(environment, MAX_ENVIRONMENT_CHARS))
                .optional("release", release);
        if (user != null && !user.isEmpty()) {
            out.name("user").beginObject()
                    .optional("id", user.id())
                    .optional("email", user.email())
                    .optional("ip", user.ip())
                    .endObject();
        }
    }

    /** Adds {@code causes} (the cause chain with its messages) unless the caller's metadata has its own. */
    @Override
    Map<String, Object> withDefaults(Map<String, Object> metadata) {
        if (metadata != null && metadata.containsKey(CAUSES_KEY)) {
            return metadata;
        }
        List<String> causes = ThrowableRenderer.causeMessages(throwable);
        if (causes.isEmpty()) {
            return metadata;
        }
        Map<String, Object> withCauses = new LinkedHashMap<>();
        if (metadata != null) {
            withCauses.putAll(metadata);
        }
        withCauses.put(CAUSES_KEY, causes);
        return withCauses;
    }

    private String message(String className) {
        String message = MetadataSanitizer.safeMessage(throwable);
        if (isBlank(message)) {
            message = isBlank(fallbackMessage) ? className : fallbackMessage;
        }
        return message;
    }

    private static boolean isBlank(String s) {
        return BlankText.isBlank(s);
    }
}
