package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.SpiVersion;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.GraphException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvRemove;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Area geometry and list roles, on raid as LVM2 wrote it with device-mapper
 * ({@code lvm2-vm/raid.vg}) and the raid plugin:
 * images hold what the level's parity and copies leave ({@code SegmentType.areaLength}), the
 * metadata LVs are a list role, and both round-trip byte for byte.
 */
class RaidGeometryTest {
    private static final Path RAID = Path.of("../../shared/corpus/lvm2-vm/raid.vg");

    private static Engine engine() {
        return Lvstack.engine();
    }

    private static ImportedVg read(Engine engine) {
        return new MetadataFormat(engine).read(RAID);
    }

    @Test
    void raidRoundTripsByteForByte() throws IOException {
        Engine engine = engine();
        ImportedVg vg = read(engine);
        assertEquals(Files.readString(RAID), new MetadataFormat(engine).write(vg.vg(), vg.header(),
                MetadataFormat.Form.FILE));
    }

    @Test
    void eachLevelsImagesHoldWhatItsGeometrySays() {
        VolumeGroup vg = read(engine()).vg();
        // LV -> extents each image holds: raid1 all, raid0 len/n, raid4/5 len/(n-1), raid6 len/(n-2), raid10 len*2/n
        List<String> got = new ArrayList<>();
        for (String name : List.of("r1", "r1x3", "r5", "r6", "r10", "r0", "r4")) {
            Segment s = vg.lv(name).segments().get(0);
            got.add(name + " " + s.type().name() + " " + s.len() + "/" + s.areaCount() + " -> " + s.areaLen());
        }
        assertEquals(List.of("r1 raid1 6/2 -> 6", "r1x3 raid1 3/3 -> 3", "r5 raid5 6/3 -> 3", "r6 raid6 6/5 -> 2",
                "r10 raid10 4/4 -> 2", "r0 raid0 4/2 -> 2", "r4 raid4 4/3 -> 2"), got);
    }

    @Test
    void theCheckerFindsNothingWrongBecauseEachImageIsExactlyUsed() {
        Engine engine = engine();
        CheckReport report = new Checker(new MetadataFormat(engine)).check(RAID);
        assertEquals(List.of(), report.problems().stream().map(Object::toString).toList());
    }

    @Test
    void theMetadataLvsAreAListRoleOfLinkedReferences() {
        VolumeGroup vg = read(engine()).vg();
        Segment r5 = vg.lv("r5").segments().get(0);
        assertEquals(List.of("r5_rmeta_0", "r5_rmeta_1", "r5_rmeta_2"),
                r5.references(io.lvstack.segtype.raid.RaidSegmentType.META).stream().map(LvView::name).toList());
        assertEquals("r5_rmeta_1", r5.reference(io.lvstack.segtype.raid.RaidSegmentType.META.at(1)).orElseThrow().name());
        LogicalVolume meta = vg.lv("r5_rmeta_2");
        assertEquals(1, meta.userCount());
        assertEquals(r5, meta.users().get(0));
        assertEquals(java.util.Set.of(io.lvstack.segtype.raid.RaidMarks.METADATA), meta.marks());
        // raid0 has no metadata LVs
        assertEquals(List.of(), vg.lv("r0").segments().get(0).references(io.lvstack.segtype.raid.RaidSegmentType.META));
    }

    @Test
    void removingARaidLvRemovesItsImagesAndMetadataLvs() {
        Engine engine = engine();
        VolumeGroup vg = read(engine).vg();
        new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, "r5");
        assertEquals(List.of(), vg.lvs().stream().map(LogicalVolume::name).filter(n -> n.startsWith("r5")).toList());
        assertEquals(List.of(), Checker.check(vg).problems().stream().map(Object::toString).toList());
    }

    @Test
    void aListRoleIsUsedAtAnIndexNotAsItsDeclaration() {
        VolumeGroup vg = read(engine()).vg();
        Segment r5 = vg.lv("r5").segments().get(0);
        LogicalVolume spare = vg.lv("r4_rmeta_0");
        GraphException e = assertThrows(GraphException.class, () -> vg.apply(ed -> ed.attach(r5, io.lvstack.segtype.raid.RaidSegmentType.META,
                spare)));
        assertEquals("segment type raid5 declares no reference role 'meta' (a list: give an index)", e.getMessage());
        GraphException single = assertThrows(GraphException.class, () -> vg.apply(ed -> ed.attach(r5,
                ReferenceRole.of("meta"), spare)));
        assertEquals("segment type raid5 declares no reference role 'meta'", single.getMessage());
    }
}
