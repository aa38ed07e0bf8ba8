package dev.seestack.internal.delivery;

import dev.seestack.internal.event.Encodable;
import dev.seestack.internal.event.Feature;
import dev.seestack.internal.json.JsonWriter;
import dev.seestack.internal.mask.SensitiveDataMasker;

/** Turns one request payload into its masked JSON body; a body over the size limit is re-encoded without metadata. */
final class PayloadEncoder {
    /** Request bodies larger than this are re-encoded without metadata. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final SensitiveDataMasker masker;

    PayloadEncoder(SensitiveDataMasker masker) {
        this.masker = masker;
    }

    byte[] encode(Encodable payload) {
        // an error with its trace is several KB: start large enough not to regrow the buffer repeatedly
        JsonWriter out = new JsonWriter(payload.feature() == Feature.ERRORS ? 8192 : 512);
        payload.writeJson(out, masker);
        byte[] body = out.toBytes();
        if (body.length > MAX_BODY_BYTES) {
            JsonWriter small = new JsonWriter(4096);
            payload.writeJsonWithoutMetadata(small, masker);
            body = small.toBytes();
        }
        return body;
    }
}
