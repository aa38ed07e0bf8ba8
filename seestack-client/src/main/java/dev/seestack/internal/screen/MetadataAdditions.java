package dev.seestack.internal.screen;

import dev.seestack.internal.event.HeapEstimate;
import dev.seestack.internal.event.MetadataSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's metadata snapshot with what the client adds to it, assembled on an SDK thread: tags and (errors)
 * {@code serverName}, {@code suppressedSinceLast} and {@code breadcrumbs}. The event's own keys win.
 */
final class MetadataAdditions implements MetadataSnapshot {
    private final MetadataSnapshot base;
    private final Map<String, Object> tags;
    private final String serverName;
    private final long suppressedSinceLast;
    private final Breadcrumb[] breadcrumbs;

    MetadataAdditions(MetadataSnapshot base, Map<String, Object> tags, String serverName, long suppressedSinceLast,
            Breadcrumb[] breadcrumbs) {
        this.base = base;
        this.tags = tags;
        this.serverName = serverName;
        this.suppressedSinceLast = suppressedSinceLast;
        this.breadcrumbs = breadcrumbs;
    }

    /** This object, its base and the breadcrumbs' array (the crumbs are the trail's, bounded there); tags are shared. */
    @Override
    public int retainedBytes() {
        return HeapEstimate.OBJECT_BYTES + (base == null ? 0 : base.retainedBytes())
                + (breadcrumbs == null ? 0 : 16 + 4 * breadcrumbs.length);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> own = base == null ? null : base.toMap();
        Map<String, Object> meta = own == null ? new LinkedHashMap<>() : new LinkedHashMap<>(own);
        for (Map.Entry<String, Object> tag : tags.entrySet()) {
            meta.putIfAbsent(tag.getKey(), tag.getValue());
        }
        if (serverName != null && !serverName.isEmpty()) {
            meta.putIfAbsent("serverName", serverName);
        }
        if (suppressedSinceLast > 0) {
            meta.put("suppressedSinceLast", suppressedSinceLast);
        }
        if (breadcrumbs != null && breadcrumbs.length > 0) {
            List<Object> list = new ArrayList<>(breadcrumbs.length);
            for (Breadcrumb b : breadcrumbs) {
                list.add(b.toMap());
            }
            meta.putIfAbsent("breadcrumbs", list);
        }
        return meta;
    }
}
