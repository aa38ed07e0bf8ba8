package dev.seestack.internal.http;

import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The body of one {@code POST /ingest/v1/http-requests}: the project id and 1 to 100 items. */
public final class HttpBatch implements Encodable {
    private final String projectId;
    private final List<Encodable> items;

    /** {@code items} are {@link HttpItem}s, as drained from the HTTP lane by the pipeline. */
    public HttpBatch(String projectId, List<Encodable> items) {
        this.projectId = projectId;
        this.items = items;
    }

    /**
     * The pipeline's batch assemblers of a client: its HTTP items go out in one body per batch when
     * {@code projectId} is valid (else none, and HTTP monitoring stays off with its warning).
     */
    public static Map<Feature, Function<List<Encodable>, Encodable>> assemblers(String projectId) {
        Map<Feature, Function<List<Encodable>, Encodable>> assemblers = new EnumMap<>(Feature.class);
        if (HttpMonitor.isValidProjectId(projectId)) {
            assemblers.put(Feature.HTTP_REQUESTS, items -> new HttpBatch(projectId, items));
        }
        return assemblers;
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
