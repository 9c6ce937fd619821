package io.lvstack.engine.ops;

import io.lvstack.engine.segtype.NewSegments;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataHeader;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** Reading the operation fixtures, writing graphs back as LVM2 text, and the small graphs tests add. */
public final class OpsFixture {
    public static final Path DIR = Path.of("src/test/resources/ops");

    private OpsFixture() {
    }

    public static ImportedVg read(Engine engine, Path file) {
        return new MetadataFormat(engine).read(file);
    }

    public static String write(Engine engine, VolumeGroup vg, MetadataHeader header) {
        return new MetadataFormat(engine).write(vg, header, MetadataFormat.Form.FILE);
    }

    public static String text(Path p) {
        return Corpus.readString(p);
    }

    /** The graph passes every check, with no warning either. */
    public static void assertValid(VolumeGroup vg) {
        assertEquals(List.of(), Checker.check(vg).problems());
    }

    public static Engine engine() {
        return Lvstack.engine();
    }

    /**
     * The text equals the expected file; with {@code -Dlvstack.ops.regenerate=true} the file is
     * first rewritten from it (for an intended change, then checked with real LVM2 again).
     */
    public static void assertTextOf(Path expected, String actual) {
        if (Boolean.getBoolean("lvstack.ops.regenerate")) {
            try {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(text(expected), actual, expected.getFileName().toString());
        // What LVM2 wrote or accepted once must still be what it accepts (checked under -Plvm2).
        io.lvstack.engine.Lvm2Acceptance.check("ops/" + DIR.relativize(expected), actual);
    }

    /**
     * Adds a visible LV {@code name} of two stripes (stripe size 128 sectors), {@code perStripe}
     * extents each, at extent {@code pe} of the VG's first and second PV.
     */
    public static LogicalVolume addTwoStripeLv(Engine engine, VolumeGroup vg, String name, String id,
            long perStripe, long pe) {
        SegmentType striped = engine.segmentTypes().byName("striped");
        return vg.change(ed -> {
            LogicalVolume lv = ed.createLv(name, id, EnumSet.of(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE),
                    List.of(), LvProperties.NONE);
            Segment seg = ed.addSegment(lv, striped, io.lvstack.engine.segtype.NewSegments.of(striped, 2, io.lvstack.api.ops.SegmentOptions.stripeSize(128L)).fields(), 0, 2 * perStripe, 2,
                    List.of());
            ed.setPvArea(seg, 0, vg.pvs().get(0), pe);
            ed.setPvArea(seg, 1, vg.pvs().get(1), pe);
            return lv;
        });
    }
}
