package io.lvstack.engine.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.generate.VgGenerator;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvCreate;
import io.lvstack.engine.ops.LvRemove;
import io.lvstack.engine.ops.LvResize;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.report.ReportBuilder;
import io.lvstack.engine.report.ReportKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Eight threads on one shared VG for a bounded time: writers create, extend, reduce and remove
 * LVs, readers take snapshots and check them; and eight threads on eight VGs of their own. The
 * checker must pass on every snapshot, and the VGs must end as they began.
 */
class SharedVolumeGroupStressTest {
    private static final Engine ENGINE = Lvstack.engine();
    private static final MetadataFormat FORMAT = new MetadataFormat(ENGINE).withZone(ZoneOffset.UTC);
    private static final LvStamp STAMP = new LvStamp(1795573870L, "stress");
    private static final long MILLIS = 2500;

    @Test
    void readersCheckEverySnapshotWhileWritersChangeTheVg() throws InterruptedException {
        ImportedVg generated = new VgGenerator(ENGINE).generate("vgs", 400, 7);
        String before = FORMAT.write(generated.vg(), generated.header(), MetadataFormat.Form.FILE);
        SharedVolumeGroup shared = new SharedVolumeGroup(generated, FORMAT);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong writes = new AtomicLong();
        AtomicLong snapshots = new AtomicLong();
        long deadline = System.nanoTime() + MILLIS * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            threads.add(new Thread(() -> guard(failures, () -> {
                SplittableRandom rnd = new SplittableRandom(id);
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    cycle(shared::write, "w" + id + "_" + i, rnd);
                    writes.addAndGet(4);
                }
            })));
        }
        for (int t = 0; t < 5; t++) {
            threads.add(new Thread(() -> guard(failures, () -> {
                while (System.nanoTime() < deadline) {
                    VolumeGroup s = shared.snapshot();
                    CheckReport report = Checker.check(s);
                    if (!report.valid()) {
                        throw new AssertionError("snapshot does not check: " + report.problems());
                    }
                    int visible = (int) s.lvs().stream().filter(LogicalVolume::visible).count();
                    assertEquals(visible, ReportBuilder.build(s, ReportKind.LVS, null, null, false).rows().size());
                    boolean liveValid = shared.read(vg -> Checker.check(vg).valid());
                    assertTrue(liveValid, "the live VG does not check");
                    snapshots.incrementAndGet();
                }
            })));
        }
        runAll(threads);
        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(writes.get() > 0 && snapshots.get() > 0, writes + " writes, " + snapshots + " snapshots");
        System.out.printf("SharedVolumeGroupStressTest: %d writes, %d snapshots checked%n", writes.get(), snapshots.get());
        // every cycle removes what it made: the VG ends as it began, apart from the seqno
        String after = shared.read(vg -> FORMAT.write(vg, generated.header(), MetadataFormat.Form.FILE));
        assertEquals(withoutSeqno(before), withoutSeqno(after));
        assertEquals(writes.get(), shared.version());
    }

    @Test
    void differentVgsChangeInParallel() throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + MILLIS / 2 * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(new Thread(() -> guard(failures, () -> {
                ImportedVg own = new VgGenerator(ENGINE).generate("vg" + id, 200, id);
                String before = FORMAT.write(own.vg(), own.header(), MetadataFormat.Form.FILE);
                SplittableRandom rnd = new SplittableRandom(id);
                Writer direct = new Writer() {
                    @Override
                    public <T> T write(java.util.function.Function<VolumeGroup, T> operation) {
                        return operation.apply(own.vg());
                    }
                };
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    cycle(direct, "p" + i, rnd);
                    if (!Checker.check(own.vg()).valid()) {
                        throw new AssertionError("VG " + id + " does not check after cycle " + i);
                    }
                }
                String after = FORMAT.write(own.vg(), own.header(), MetadataFormat.Form.FILE);
                assertEquals(withoutSeqno(before), withoutSeqno(after), "VG " + id);
            })));
        }
        runAll(threads);
        assertEquals(List.of(), List.copyOf(failures));
    }

    /** How a cycle reaches its VG: through the shared VG's writer turn, or directly. */
    private interface Writer {
        <T> T write(java.util.function.Function<VolumeGroup, T> operation);
    }

    /** Creates an LV (linear or two stripes), extends it, reduces it and removes it: four writes. */
    private static void cycle(Writer writer, String name, SplittableRandom rnd) {
        int stripes = rnd.nextInt(2) + 1;
        LvCreate create = new LvCreate(ENGINE, new LvmAllocator(), STAMP);
        writer.write(vg -> create.run(vg, new LvCreate.Request(name, LvSize.ofSize(4 * stripes + "M"), stripes,
                null, AllocPolicy.INHERIT, List.of(), null)));
        writer.write(vg -> new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator()).extend(vg, name, LvSize.ofSize("+" + 4 * stripes + "M"),
                AllocPolicy.INHERIT, List.of()));
        writer.write(vg -> new LvResize(io.lvstack.engine.Lvstack.engine(), new LvmAllocator()).reduce(vg, name, LvSize.ofSize("-" + 4 * stripes + "M")));
        writer.write(vg -> new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg, name));
    }

    private static void guard(ConcurrentLinkedQueue<Throwable> failures, Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private static void runAll(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(MILLIS * 20);
        }
    }

    private static String withoutSeqno(String text) {
        return text.replaceAll("(?m)^\\s*seqno = \\d+$", "");
    }
}
