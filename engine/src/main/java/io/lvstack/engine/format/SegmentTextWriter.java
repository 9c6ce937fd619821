package io.lvstack.engine.format;

import io.lvstack.api.model.Area;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.SegmentWriter;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.text.CompactWriter;
import java.util.Map;

/** Where a segment type writes its fields: LVM2's layout of one segment section. */
final class SegmentTextWriter implements SegmentWriter {
    private final TextLayout out;
    private final Segment segment;
    private final Map<PhysicalVolume, String> pvNames;
    private final SizeComment sizes;

    SegmentTextWriter(TextLayout out, Segment segment, Map<PhysicalVolume, String> pvNames, SizeComment sizes) {
        this.out = out;
        this.segment = segment;
        this.pvNames = pvNames;
        this.sizes = sizes;
    }

    @Override
    public void integer(String key, long value) {
        out.number(key, value);
    }

    @Override
    public void integer(String key, long value, String comment) {
        out.number(key, value, "# " + comment);
    }

    @Override
    public void size(String key, long sectors) {
        out.number(key, sectors, sizes.comment(sectors));
    }

    @Override
    public void string(String key, String value) {
        out.quoted(key, value);
    }

    /** LVM2's {@code out_areas}: one {@code "name", offset} pair a line, no trailing comma. */
    @Override
    public void areas(String key) {
        out.blank();
        out.line(key + " = [");
        out.push();
        int n = segment.areaCount();
        for (int i = 0; i < n; i++) {
            Area a = segment.areaOrNull(i);
            if (a instanceof Area.OnPv p) {
                out.area(pvNames.get((PhysicalVolume) p.pv()), p.pe(), i == n - 1);
            } else if (a instanceof Area.OnLv l) {
                out.area(l.lv().name(), l.le(), i == n - 1);
            } else {
                throw new io.lvstack.api.LvstackException(segment.describe() + " has unassigned area " + i
                        + ", which metadata cannot express");
            }
        }
        out.pop();
        out.line("]");
    }

    @Override
    public void strings(String key, java.util.List<String> values, int perLine) {
        if (perLine < 1) {
            throw new IllegalArgumentException("at least one value a line, not " + perLine);
        }
        out.blank();
        out.line(key + " = [");
        out.push();
        for (int i = 0; i < values.size(); i += perLine) {
            StringBuilder b = new StringBuilder();
            for (int j = i; j < Math.min(i + perLine, values.size()); j++) {
                b.append(j > i ? ", " : "").append(TextLayout.quote(values.get(j)));
            }
            out.line(i + perLine < values.size() ? b.append(',').toString() : b.toString());
        }
        out.pop();
        out.line("]");
    }

    @Override
    public void verbatim(ConfigNode node) {
        StringBuilder b = new StringBuilder();
        CompactWriter.write(node, "", b);
        for (String line : b.toString().split("\n")) {
            out.rawLine(line, 0);
        }
    }

    @Override
    public void blankLine() {
        out.blank();
    }

    /** LVM2's {@code outf(f, "key {")}, indented body, {@code outf(f, "}")}. */
    @Override
    public void section(String key, java.util.function.Consumer<SegmentWriter> body) {
        out.line(key + " {");
        out.push();
        body.accept(this);
        out.pop();
        out.line("}");
    }
}
