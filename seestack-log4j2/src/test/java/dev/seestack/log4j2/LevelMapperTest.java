package dev.seestack.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seestack.internal.event.Severity;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

class LevelMapperTest {

    @Test
    void mapsStandardLevelsToSeverities() {
        assertEquals(Severity.FATAL, LevelMapper.severity(Level.FATAL));
        assertEquals(Severity.ERROR, LevelMapper.severity(Level.ERROR));
        assertEquals(Severity.WARN, LevelMapper.severity(Level.WARN));
        assertEquals(Severity.INFO, LevelMapper.severity(Level.INFO));
        assertEquals(Severity.DEBUG, LevelMapper.severity(Level.DEBUG));
        assertEquals(Severity.DEBUG, LevelMapper.severity(Level.TRACE));
    }

    @Test
    void mapsCustomLevelsByRankBoundaries() {
        assertEquals(Severity.FATAL, LevelMapper.severity(Level.forName("MAPPER_100", 100)));
        assertEquals(Severity.ERROR, LevelMapper.severity(Level.forName("MAPPER_101", 101)));
        assertEquals(Severity.ERROR, LevelMapper.severity(Level.forName("MAPPER_200", 200)));
        assertEquals(Severity.WARN, LevelMapper.severity(Level.forName("MAPPER_201", 201)));
        assertEquals(Severity.INFO, LevelMapper.severity(Level.forName("MAPPER_301", 301)));
        assertEquals(Severity.INFO, LevelMapper.severity(Level.forName("MAPPER_400", 400)));
        assertEquals(Severity.DEBUG, LevelMapper.severity(Level.forName("MAPPER_401", 401)));
    }

    @Test
    void readsLevelNamesInAnyCase() {
        assertEquals(Severity.WARN, LevelMapper.severityOfName(" warn "));
        assertEquals(Severity.DEBUG, LevelMapper.severityOfName("TRACE"));
        assertNull(LevelMapper.severityOfName(""));
    }

    @Test
    void anUnknownLevelNameIsNull() {
        assertNull(LevelMapper.severityOfName("SEVERE"));
    }
}
