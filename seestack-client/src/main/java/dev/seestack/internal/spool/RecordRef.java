package dev.seestack.internal.spool;

import dev.seestack.internal.event.Feature;

/** Where one spooled request lies in its segment file, and what it holds (its body stays on disk). */
final class RecordRef {
    /** Offset of the record's frame in the file. */
    final long position;
    final Feature feature;
    final int itemCount;
    final int bodyLength;

    RecordRef(long position, Feature feature, int itemCount, int bodyLength) {
        this.position = position;
        this.feature = feature;
        this.itemCount = itemCount;
        this.bodyLength = bodyLength;
    }

    /** Bytes the record takes in the file, frame included. */
    long frameBytes() {
        return SegmentFile.FRAME_BYTES + SegmentFile.PAYLOAD_PREFIX_BYTES + (long) bodyLength;
    }
}
