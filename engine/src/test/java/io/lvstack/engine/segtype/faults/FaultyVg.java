package io.lvstack.engine.segtype.faults;

import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.GraphDump;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.OpsFixture;
import java.nio.file.Path;

/** A metadata file read (without faults) on an engine with one faulty type, and its whole state. */
final class FaultyVg {
    final FaultyEngine faulty;
    final MetadataFormat format;
    final ImportedVg imported;
    final VolumeGroup vg;

    FaultyVg(String typeName, Path file) {
        faulty = new FaultyEngine(typeName);
        format = new MetadataFormat(faulty.engine);
        imported = format.read(file);
        vg = imported.vg();
    }

    String text() {
        return format.write(vg, imported.header(), MetadataFormat.Form.FILE);
    }

    /** Everything observable: the graph dump (upward links and PV pieces included) and the text. */
    String state() {
        return GraphDump.of(vg) + "\n" + text();
    }

    /** {@link #state}, once the checker has found the graph valid. */
    String validState() {
        OpsFixture.assertValid(vg);
        return state();
    }
}
