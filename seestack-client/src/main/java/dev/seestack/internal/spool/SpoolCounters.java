package dev.seestack.internal.spool;

import dev.seestack.internal.event.Feature;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of spooled items, per feature: resent and answered 2xx, answered a permanent-drop status on
 * resend, or lost to the spool (oldest segment evicted when full, a disk error, or not written before close).
 */
public final class SpoolCounters {
    private final Map<Feature, LongAdder> resent = adders();
    private final Map<Feature, LongAdder> rejected = adders();
    private final Map<Feature, LongAdder> droppedFull = adders();

    /** Items resent from the spool and answered 2xx. */
    public long resentFromSpool(Feature feature) {
        return resent.get(feature).sum();
    }

    /** Items resent from the spool and answered 400/403/404/422: dropped for good. */
    public long rejectedFromSpool(Feature feature) {
        return rejected.get(feature).sum();
    }

    /** Spooled items the spool could not keep: evicted as the oldest when full, or lost to a disk error. */
    public long droppedSpoolFull(Feature feature) {
        return droppedFull.get(feature).sum();
    }

    void countResent(Feature feature, int items) {
        resent.get(feature).add(items);
    }

    void countRejected(Feature feature, int items) {
        rejected.get(feature).add(items);
    }

    void countDropped(Feature feature, int items) {
        droppedFull.get(feature).add(items);
    }

    private static Map<Feature, LongAdder> adders() {
        Map<Feature, LongAdder> m = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            m.put(f, new LongAdder());
        }
        return m;
    }
}
