package dev.seestack.internal.http;

import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.List;

/** The body of one {@code POST /ingest/v1/http-requests}: the project id and 1 to 100 items. */
public final class HttpBatch implements Encodable {
    private final String projectId;
    private final List<Encodable> items;

    /** {@code items} are {@link HttpItem}s, as drained from the HTTP lane by the pipeline. */
    public HttpBatch(String projectId, List<Encodable> items) {
        this.projectId = projectId;
        this.items = items;
    }

    @Override
    public Feature feature() {
        return Feature.HTTP_REQUESTS;
    }

    @Override
    public void writeJson(JsonWriter out, SensitiveDataMasker masker) {
        out.beginObject().name("projectId").value(projectId).name("requests").beginArray();
        for (Encodable item : items) {
            item.writeJson(out, masker);
        }
        out.endArray().endObject();
    }
}
