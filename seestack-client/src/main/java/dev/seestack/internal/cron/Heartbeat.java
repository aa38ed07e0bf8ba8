package dev.seestack.internal.cron;

import dev.seestack.internal.json.BlankText;
import dev.seestack.cron.JobStatus;
import dev.seestack.internal.delivery.DeliveryPipeline;
import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.event.HeapEstimate;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.json.MetadataSanitizer;
import dev.seestack.internal.mask.SensitiveDataMasker;

/** The body of one {@code POST /ingest/v1/heartbeat}; names its slug in the pipeline's 404 warning. */
public final class Heartbeat implements Encodable, DeliveryPipeline.Describable {
    /** Messages longer than this are cut before sending. */
    public static final int MAX_MESSAGE_CHARS = 4096;

    private final String slug;
    private final JobStatus status;
    private final long durationMs;
    private final String message;

    public Heartbeat(String slug, JobStatus status, long durationMs, String message) {
        this.slug = slug;
        this.status = status;
        this.durationMs = Math.max(0, durationMs);
        this.message = BlankText.isBlank(message) ? null : MetadataSanitizer.truncate(message, MAX_MESSAGE_CHARS);
    }

    @Override
    public int retainedBytes() {
        return HeapEstimate.OBJECT_BYTES + HeapEstimate.of(slug) + HeapEstimate.of(message);
    }

    @Override
    public Feature feature() {
        return Feature.HEARTBEATS;
    }

    @Override
    public String describe() {
        return "slug " + slug;
    }

    @Override
    public void writeJson(JsonWriter out, SensitiveDataMasker masker) {
        out.beginObject()
                .name("slug").value(slug)
                .name("status").value(status.wireName())
                .name("durationMs").value(durationMs)
                .optional("message", message == null ? null : masker.maskText(message))
                .endObject();
    }
}
