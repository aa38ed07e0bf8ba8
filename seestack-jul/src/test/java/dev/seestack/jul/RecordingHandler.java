package dev.seestack.jul;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A second handler in the test configurations: records everything the loggers hand to their handlers. */
public final class RecordingHandler extends Handler {
    static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
        RECORDS.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
