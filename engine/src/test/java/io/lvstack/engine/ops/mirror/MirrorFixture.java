package io.lvstack.engine.ops.mirror;

import io.lvstack.engine.ops.LvStamp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A corpus VG read on an engine with the real plugins, a converter over it, and its text. */
final class MirrorFixture {
    /** Expected outputs; each was accepted by real LVM2 (lvm2-oracle) and re-exported identically. */
    static final Path EXPECTED = Path.of("src/test/resources/ops/mirror");

    final Engine engine;
    final MetadataFormat format;
    final ImportedVg imported;
    final VolumeGroup vg;
    final MirrorConverter converter;

    MirrorFixture(String corpusName, LinkHook... hooks) {
        Lvstack b = Lvstack.builder();
        for (LinkHook h : hooks) {
            b.linkHook(h);
        }
        engine = b.build();
        format = new MetadataFormat(engine);
        imported = format.read(Corpus.DIR.resolve(corpusName + ".vg"));
        vg = imported.vg();
        converter = new MirrorConverter(engine, new FirstFitAllocator(), stamp());
    }

    /** Ids MIRR01-..., MIRR02-... in creation order, a fixed time and host. */
    static LvStamp stamp() {
        AtomicInteger n = new AtomicInteger();
        return new LvStamp(() -> String.format("MIRR%02d-0000-0000-0000-0000-0000-000000", n.incrementAndGet()),
                1795580000L, "vm");
    }

    String text() {
        return format.write(vg, imported.header(), MetadataFormat.Form.FILE);
    }

    PhysicalVolume pv(int i) {
        return vg.pvs().get(i);
    }

    /** Adds a visible striped LV {@code name}, one extent per stripe on PVs 0.., at each PV's first free extent. */
    static void stripe(MirrorFixture f, String name, long perStripe) {
        io.lvstack.api.SegmentType striped = f.engine.segmentTypes().byName("striped");
        io.lvstack.api.model.TypeFields fields = striped.decode(new io.lvstack.api.text.ConfigSection("segment1",
                List.of(new io.lvstack.api.text.ConfigEntry("stripe_count", new io.lvstack.api.text.ConfigValue.Int(2),
                        0), new io.lvstack.api.text.ConfigEntry("stripe_size",
                                new io.lvstack.api.text.ConfigValue.Int(128), 0)), 0), 2).fields();
        f.vg.apply(ed -> {
            var lv = ed.createLv(name, "STRIPE-0000-0000-0000-0000-0000-000000",
                    java.util.EnumSet.of(io.lvstack.api.model.LvStatus.READ, io.lvstack.api.model.LvStatus.WRITE,
                            io.lvstack.api.model.LvStatus.VISIBLE), List.of(), io.lvstack.engine.graph.LvProperties.NONE);
            var seg = ed.addSegment(lv, striped, fields, 0, 2 * perStripe, 2, List.of());
            ed.setPvArea(seg, 0, f.pv(0), 0);
            ed.setPvArea(seg, 1, f.pv(1), 0);
        });
    }

    /** The checker finds nothing, and the text equals the expected file {@code name.vg}. */
    void expect(String name) {
        assertEquals(List.of(), Checker.check(vg).problems(), "checker");
        Path file = EXPECTED.resolve(name + ".vg");
        try {
            if (Boolean.getBoolean("lvstack.mirror.regenerate")) {
                Files.createDirectories(EXPECTED);
                Files.writeString(file, text());
            }
            assertEquals(Files.readString(file), text(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
