package dev.seestack.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static void sameAsTheFormatter(long epochMs) {
        Instant instant = Instant.ofEpochMilli(epochMs);
        assertEquals(REFERENCE.format(instant), Timestamps.isoMillis(epochMs), "epoch ms " + epochMs);
        assertEquals(REFERENCE.format(instant), Timestamps.isoMillis(instant), "instant " + instant);
    }

    @Test
    void aKnownTimeIsWrittenInTheWireFormat() {
        assertEquals("2026-12-02T21:10:31.042Z", Timestamps.isoMillis(Instant.parse("2026-12-02T21:10:31.042987Z")));
        assertEquals("1970-01-01T00:00:00.000Z", Timestamps.isoMillis(0L));
    }

    @Test
    void everyTimeIsWrittenAsTheJdkFormatterWritesIt() {
        long[] edges = {0L, -1L, 1L, 999L, -999L, -1000L, 951_782_400_000L /* 2000-02-29 */, 4_107_542_399_999L,
            -62_135_596_800_000L /* year 1 */, -62_135_596_800_001L, 253_402_300_799_999L /* 9999 */,
            253_402_300_800_000L, Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000};
        for (long edge : edges) {
            sameAsTheFormatter(edge);
        }
        SplittableRandom random = new SplittableRandom(24);
        for (int i = 0; i < 20_000; i++) {
            sameAsTheFormatter(random.nextLong(-70_000_000_000_000L, 260_000_000_000_000L));
        }
    }
}
