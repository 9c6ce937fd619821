package io.lvstack.engine.ops.convert;

import io.lvstack.api.link.LinkHook;
import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.FirstFreeAllocator;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.OpsFixture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A corpus VG read on an engine with the real plugins, the mirror plugin's steps over it, and its text. */
final class MirrorFixture {
    /** The region size of the expected files: 512 KiB, in sectors (LVM2 2.03 defaults to 2 MiB). */
    static final long REGION = 1024;
    /** Expected outputs; each was accepted by real LVM2 (lvm2-oracle) and re-exported identically. */
    static final Path EXPECTED = OpsFixture.DIR.resolve("mirror");

    final Engine engine;
    final ImportedVg imported;
    final VolumeGroup vg;
    final MirrorSteps converter;

    MirrorFixture(String corpusName, LinkHook... hooks) {
        Lvstack b = Lvstack.builder();
        for (LinkHook h : hooks) {
            b.linkHook(h);
        }
        engine = b.build();
        imported = OpsFixture.read(engine, Corpus.DIR.resolve(corpusName + ".vg"));
        vg = imported.vg();
        converter = new MirrorSteps(engine, new FirstFreeAllocator(), stamp());
    }

    /** Ids MIRR01-..., MIRR02-... in creation order, a fixed time and host. */
    static LvStamp stamp() {
        AtomicInteger n = new AtomicInteger();
        return new LvStamp(() -> String.format("MIRR%02d-0000-0000-0000-0000-0000-000000", n.incrementAndGet()),
                1795580000L, "vm");
    }

    String text() {
        return OpsFixture.write(engine, vg, imported.header());
    }

    PhysicalVolume pv(int i) {
        return vg.pvs().get(i);
    }

    /** Removes the named LVs in this order, in one change (users before the LVs they use). */
    void removeLvs(String... names) {
        vg.apply(ed -> {
            for (String n : names) {
                ed.removeLv(vg.lv(n));
            }
        });
    }

    /** The checker finds nothing, and the text equals the expected file {@code name.vg}. */
    void expect(String name) {
        OpsFixture.assertValid(vg);
        OpsFixture.assertTextOf(EXPECTED.resolve(name + ".vg"), text());
    }
}
