package dev.seestack.jul;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/** A handler filter from the test configuration: keeps records marked {@code [local-only]} out of SeeStack. */
public final class LocalOnlyFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        return record.getMessage() == null || !record.getMessage().startsWith("[local-only]");
    }
}
