package dev.seestack.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seestack.RecordingSink;
import dev.seestack.testkit.StderrCapture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of loss is told without debug: once at once, then at growing intervals with the counts since. */
class DropWarningsTest {
    @RegisterExtension
    final StderrCapture stderr = new StderrCapture();
    private final RecordingSink channel = new RecordingSink();
    private long now = 5_000_000_000L;
    private final DropWarnings drops = new DropWarnings(new Diagnostics(false, channel), () -> now, "errors", "logs");

    private void advanceMinutes(long minutes) {
        now += TimeUnit.MINUTES.toNanos(minutes);
    }

    @Test
    void theFirstDropOfAFeatureAndCausePrintsOneLineOnTheStatusChannelAndStderrWithoutDebug() {
        drops.record(1, DropWarnings.Cause.BUFFER_FULL, 1);
        assertEquals(1, channel.lines().size(), channel.lines().toString());
        assertEquals("WARN SeeStack SDK: logs dropped (the buffer was full): 1 (stats().logs().droppedBufferFull);"
                + " the next report comes 1 min later at the earliest", channel.lines().get(0));
        assertEquals(1, stderr.lines("[seestack] WARN SeeStack SDK: logs dropped (the buffer was full): 1 ("));
    }

    @Test
    void laterDropsAreReportedAfterOneThenFiveThenFifteenMinutesWithTheCountsSinceTheLastLine() {
        drops.record(1, DropWarnings.Cause.BUFFER_FULL, 1);
        for (int i = 0; i < 99; i++) {
            drops.record(1, DropWarnings.Cause.BUFFER_FULL, 1);
        }
        assertEquals(1, channel.lines().size(), "within the first minute: nothing more");
        advanceMinutes(1);
        drops.record(1, DropWarnings.Cause.BUFFER_FULL, 1);
        assertEquals(2, channel.lines().size());
        assertEquals("WARN SeeStack SDK: logs dropped (the buffer was full): 100 since the last report, 101 in all"
                + " (stats().logs().droppedBufferFull); the next report comes 5 min later at the earliest",
                channel.lines().get(1));
        advanceMinutes(4);
        drops.record(1, DropWarnings.Cause.BUFFER_FULL, 7);
        assertEquals(2, channel.lines().size(), "four minutes: not yet");
        advanceMinutes(1);
        drops.reportDue(); // the pipeline's timer prints what is due even when no drop comes
        assertEquals(3, channel.lines().size());
        assertEquals(1, channel.containing("7 since the last report, 108 in all").size(), channel.lines().toString());
        assertEquals(1, channel.containing("15 min later").size());
        drops.reportDue();
        advanceMinutes(60);
        drops.reportDue();
        assertEquals(3, channel.lines().size(), "no drops since: no line");
    }

    @Test
    void eachFeatureAndCauseHasItsOwnFirstLine() {
        drops.record(1, DropWarnings.Cause.BUFFER_FULL, 1);
        drops.record(1, DropWarnings.Cause.RETRIES_SPENT, 2);
        drops.record(0, DropWarnings.Cause.RETRIES_SPENT, 1);
        drops.record(0, DropWarnings.Cause.DEADLINE, 3);
        drops.record(0, DropWarnings.Cause.REJECTED, 1);
        assertEquals(5, channel.lines().size());
        assertEquals(1, channel.containing("logs dropped (retries spent): 2 (stats().logs().droppedAfterRetries)")
                .size());
        assertEquals(1, channel.containing("errors dropped (not delivered by the close deadline): 3"
                + " (stats().errors().droppedDisabled)").size());
        assertEquals(1, channel.containing("errors dropped (rejected by the backend): 1 (stats().errors().rejected)")
                .size());
    }

    @Test
    void debugKeepsALineForEveryDrop() {
        DropWarnings verbose = new DropWarnings(new Diagnostics(true, channel), () -> now, "errors", "logs");
        for (int i = 0; i < 3; i++) {
            verbose.record(1, DropWarnings.Cause.BUFFER_FULL, 1);
        }
        assertEquals(3, stderr.lines("[seestack] DEBUG dropped 1 logs (the buffer was full)"));
        assertEquals(1, channel.lines().size());
    }
}
