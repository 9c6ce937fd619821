package io.lvstack.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.graph.GraphException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.segtype.UnknownSegmentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Segments of types no loaded plugin knows: kept whole, written back, and the VG kept safe. */
class UnknownSegmentTest {
    private static MetadataFormat format(String load) {
        return new MetadataFormat(Lvstack.builder().set("lvstack.segtypes.load", load).build()).withZone(ZoneOffset.UTC);
    }

    /** Every built-in plugin but the cache one, whose cache-pool the cachepool case then stands for as unknown. */
    private static MetadataFormat withoutCachePlugin() {
        return new MetadataFormat(Lvstack.builder().set("lvstack.segtypes.exclude", "cache-pool,cache,writecache")
                .build()).withZone(ZoneOffset.UTC);
    }

    private static String roundTrip(MetadataFormat f, Path file) {
        ImportedVg vg = f.read(file);
        return f.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
    }

    @Test
    void aCachePoolWithoutItsPluginRoundTripsAndKeepsTheVgSafe() throws Exception {
        MetadataFormat f = withoutCachePlugin();
        Path file = Corpus.DIR.resolve("cachepool.vg");
        ImportedVg vg = f.read(file);
        assertEquals(Set.of("cache-pool"), vg.vg().unknownSegmentTypes());
        LogicalVolume cpool = vg.vg().lv("cpool");
        assertInstanceOf(UnknownSegmentType.class, cpool.segments().get(0).type());
        assertEquals(true, cpool.segments().get(0).type().has(io.lvstack.api.SegmentCapability.VIRTUAL));
        assertEquals(Files.readString(file), f.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));

        LogicalVolume plain = vg.vg().lv("plain");
        SegmentType striped = plain.segments().get(0).type();
        GraphException e = assertThrows(GraphException.class, () -> vg.vg().apply(ed -> {
            Segment s = ed.addSegment(plain, striped, plain.segments().get(0).fields(), plain.extentCount(), 1, 1,
                    List.of());
            ed.setPvArea(s, 0, vg.vg().pvs().get(3), 30);
        }));
        assertEquals("refusing to allocate extents in VG vg7: it holds segments of type cache-pool, which no loaded "
                + "plugin knows, so the extents they use would look free; drop a plugin for cache-pool into plugins/ "
                + "to change this VG", e.getMessage());
        assertEquals(Files.readString(file), f.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
    }

    @Test
    void onDiskUnknownSegmentsAreWrittenInLibdmsCompactForm() {
        MetadataFormat f = withoutCachePlugin();
        ImportedVg vg = f.read(Corpus.DIR.resolve("cachepool.vg"));
        String disk = f.write(vg.vg(), vg.header(), MetadataFormat.Form.ON_DISK);
        String seg = disk.substring(disk.indexOf("type = \"cache-pool\""));
        assertEquals("type = \"cache-pool\"\ndata=\"cpool_cdata\"\nmetadata=\"cpool_cmeta\"\nchunk_size=128\n}\n",
                seg.substring(0, seg.indexOf("}\n") + 2));
    }

    @Test
    void aToolWithOnlyTheLinearPluginReadsLinearVgsAndKeepsTheRest() throws Exception {
        MetadataFormat linearOnly = format("linear");
        for (String name : List.of("linear.vg", "multiseg.vg", "striped.vg", "mirror_disklog.vg", "pvmove.vg")) {
            Path file = Corpus.DIR.resolve(name);
            assertEquals(Files.readString(file), roundTrip(linearOnly, file), name);
        }
        ImportedVg striped = linearOnly.read(Corpus.DIR.resolve("striped.vg"));
        assertEquals(Set.of("striped"), striped.vg().unknownSegmentTypes());
        ImportedVg linear = linearOnly.read(Corpus.DIR.resolve("linear.vg"));
        assertEquals(Set.of(), linear.vg().unknownSegmentTypes());
    }

    @Test
    void aToolWithOnlyTheStripedPluginReadsEveryStripedSegment() throws Exception {
        MetadataFormat stripedOnly = format("striped");
        for (String name : List.of("linear.vg", "striped.vg", "stripe_on_lvs.vg")) {
            Path file = Corpus.DIR.resolve(name);
            ImportedVg vg = stripedOnly.read(file);
            assertEquals(Set.of(), vg.vg().unknownSegmentTypes(), name);
            assertEquals(Files.readString(file), stripedOnly.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE));
        }
    }
}
