package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.internal.event.Severity;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class RecordMapperTest {

    @Test
    void mapsStandardLevelsToTheFiveSeverities() {
        assertEquals(Severity.ERROR, RecordMapper.severityOf(Level.SEVERE));
        assertEquals(Severity.WARN, RecordMapper.severityOf(Level.WARNING));
        assertEquals(Severity.INFO, RecordMapper.severityOf(Level.INFO));
        assertEquals(Severity.INFO, RecordMapper.severityOf(Level.CONFIG));
        assertEquals(Severity.DEBUG, RecordMapper.severityOf(Level.FINE));
        assertEquals(Severity.DEBUG, RecordMapper.severityOf(Level.FINER));
        assertEquals(Severity.DEBUG, RecordMapper.severityOf(Level.FINEST));
        assertEquals(Severity.DEBUG, RecordMapper.severityOf(Level.ALL));
    }

    @Test
    void mapsCustomLevelsByTheBandOfTheirNumericValue() {
        assertEquals(Severity.ERROR, RecordMapper.severityOf(Level.parse("1000")));
        assertEquals(Severity.ERROR, RecordMapper.severityOf(Level.parse("1200")));
        assertEquals(Severity.WARN, RecordMapper.severityOf(Level.parse("999")));
        assertEquals(Severity.WARN, RecordMapper.severityOf(Level.parse("900")));
        assertEquals(Severity.INFO, RecordMapper.severityOf(Level.parse("899")));
        assertEquals(Severity.INFO, RecordMapper.severityOf(Level.parse("700")));
        assertEquals(Severity.DEBUG, RecordMapper.severityOf(Level.parse("699")));
    }
}
