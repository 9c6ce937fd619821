package io.lvstack.engine.ops.mirror;

import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.SegmentWriter;
import io.lvstack.engine.graph.Segment;

/**
 * Reads a mirror segment's {@code region_size} through the segment type's own encoding, as the
 * exporter would write it, so the engine needs no plugin class (0 when the type writes none).
 */
final class RegionReader implements SegmentWriter {
    private long regionSize;

    private RegionReader() {
    }

    static long regionSize(Segment seg) {
        RegionReader r = new RegionReader();
        io.lvstack.engine.segtype.PluginCall.run(seg.type(), "encode", seg.describe(), () -> seg.type().encode(seg, r));
        return r.regionSize;
    }

    @Override
    public void integer(String key, long value) {
        if (key.equals("region_size")) {
            regionSize = value;
        }
    }

    @Override
    public void integer(String key, long value, String comment) {
        integer(key, value);
    }

    @Override
    public void size(String key, long sectors) {
        // sizes are never the region
    }

    @Override
    public void string(String key, String value) {
        // names are not needed here
    }

    @Override
    public void areas(String key) {
        // areas are read from the graph
    }

    @Override
    public void verbatim(ConfigNode node) {
        // only unknown types write verbatim nodes
    }
}
