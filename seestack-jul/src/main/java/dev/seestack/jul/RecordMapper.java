package dev.seestack.jul;

import dev.seestack.internal.event.Severity;
import dev.seestack.internal.logging.FrameworkEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Reads a {@link LogRecord} into the core's {@link FrameworkEvent} on the publishing thread: severity by the
 * level's numeric value, the message formatted as JUL formatters do, and the record's source and thread.
 */
final class RecordMapper {
    static final int ERROR_THRESHOLD = Level.SEVERE.intValue();
    static final int WARN_THRESHOLD = Level.WARNING.intValue();
    static final int INFO_THRESHOLD = Level.CONFIG.intValue();

    /** JUL's own parameter and resource-bundle substitution ({@code {0}}, {@code {1}}, ...). */
    private static final Formatter MESSAGE_FORMATTER = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    /** Record ids of threads numbered past this are hashed by JUL, so they cannot be matched to a thread. */
    private static final long MAX_SEQUENTIAL_THREAD_ID = Integer.MAX_VALUE / 2;

    private RecordMapper() {
    }

    /**
     * SEVERE and above → error, WARNING → warn, INFO and CONFIG → info, FINE and below → debug; custom levels
     * fall into the band of their numeric value (≥1000, ≥900, ≥700, lower).
     */
    static Severity severityOf(Level level) {
        int value = level == null ? Level.INFO.intValue() : level.intValue();
        if (value >= ERROR_THRESHOLD) {
            return Severity.ERROR;
        }
        if (value >= WARN_THRESHOLD) {
            return Severity.WARN;
        }
        if (value >= INFO_THRESHOLD) {
            return Severity.INFO;
        }
        return Severity.DEBUG;
    }

    /** The event for {@code record}; thread name and MDC are only read when publishing on the logging thread. */
    static FrameworkEvent toEvent(LogRecord record, Severity severity) {
        boolean onLoggingThread = isLoggingThread(record);
        FrameworkEvent event = new FrameworkEvent(severity, record.getLoggerName(),
                onLoggingThread ? Thread.currentThread().getName() : null, MESSAGE_FORMATTER.formatMessage(record))
                .throwable(record.getThrown())
                .timestampMs(record.getMillis());
        if (onLoggingThread) {
            event.contextData(Slf4jMdc.copy());
        }
        Map<String, Object> extra = new LinkedHashMap<>(4);
        extra.put("sourceClass", record.getSourceClassName());
        extra.put("sourceMethod", record.getSourceMethodName());
        extra.put("threadId", record.getThreadID());
        return event.extra(extra);
    }

    // A handler may be handed a record later on another thread (MemoryHandler, async wrappers): then the
    // current thread's name and MDC belong to someone else.
    private static boolean isLoggingThread(LogRecord record) {
        long id = Thread.currentThread().getId();
        return id < MAX_SEQUENTIAL_THREAD_ID && record.getThreadID() == (int) id;
    }
}
