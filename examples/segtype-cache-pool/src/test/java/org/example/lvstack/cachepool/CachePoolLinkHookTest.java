package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.LvMark;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The marks follow the links through the engine's operations, and are undone with them. */
class CachePoolLinkHookTest {
    private final VolumeGroup vg = CachePoolCorpusTest.corpusVg().vg();
    private final LogicalVolume pool = vg.lv("cpool");
    private final LogicalVolume data = vg.lv("cpool_cdata");
    private final LogicalVolume meta = vg.lv("cpool_cmeta");
    private final Segment seg = pool.segments().get(0);

    private static boolean hasAny(LogicalVolume lv, LvMark... marks) {
        for (LvMark b : marks) {
            if (lv.has(b)) {
                return true;
            }
        }
        return false;
    }

    private void assertMarked() {
        assertTrue(pool.has(CachePoolMarks.POOL));
        assertTrue(data.has(CachePoolMarks.DATA));
        assertTrue(meta.has(CachePoolMarks.METADATA));
    }

    @Test
    void releasingTheDataAreaUnmarksDataAndPool() {
        vg.apply(ed -> ed.releaseArea(seg, 0));
        assertFalse(hasAny(data, CachePoolMarks.DATA));
        assertFalse(pool.has(CachePoolMarks.POOL));
        assertTrue(meta.has(CachePoolMarks.METADATA));
        vg.apply(ed -> ed.setLvArea(seg, 0, data, 0));
        assertMarked();
    }

    @Test
    void detachingTheMetadataUnmarksIt() {
        vg.apply(ed -> ed.detach(seg, CachePoolSegmentType.METADATA_ROLE));
        assertFalse(hasAny(meta, CachePoolMarks.METADATA));
        assertTrue(pool.has(CachePoolMarks.POOL));
        vg.apply(ed -> ed.attach(seg, CachePoolSegmentType.METADATA_ROLE, meta));
        assertMarked();
    }

    @Test
    void anotherLvTakesTheDataRole() {
        LogicalVolume spare = vg.lv("lvol0_pmspare");
        vg.apply(ed -> {
            ed.releaseArea(seg, 0);
            ed.setLvArea(seg, 0, spare, 0);
        });
        assertTrue(pool.has(CachePoolMarks.POOL));
        assertTrue(spare.has(CachePoolMarks.DATA));
        assertFalse(hasAny(data, CachePoolMarks.DATA));
    }

    @Test
    void removingThePoolLvUnmarksItsParts() {
        vg.apply(ed -> ed.removeLv(pool));
        assertFalse(hasAny(data, CachePoolMarks.DATA));
        assertFalse(hasAny(meta, CachePoolMarks.METADATA));
        assertEquals(List.of(), data.users());
        // the parts stay behind, used by nothing: the engine's checker calls them orphaned
        assertEquals(List.of("error: vg7/cpool_cmeta: LV vg7/cpool_cmeta is a hidden sub-LV (_cmeta) that no segment"
                + " uses: it is orphaned.", "error: vg7/cpool_cdata: LV vg7/cpool_cdata is a hidden sub-LV (_cdata) that"
                + " no segment uses: it is orphaned."), Checker.check(vg).problems().stream().map(Object::toString)
                        .toList());
    }

    @Test
    void aFailedChangeLeavesTheMarksAsTheyWere() {
        Set<LvMark> before = Set.copyOf(data.marks());
        assertThrows(IllegalStateException.class, () -> vg.apply(ed -> {
            ed.removeSegment(seg);
            assertFalse(data.has(CachePoolMarks.DATA));
            assertFalse(pool.has(CachePoolMarks.POOL));
            throw new IllegalStateException("abandon");
        }));
        assertEquals(before, data.marks());
        assertMarked();
        assertEquals(List.of(seg), data.users());
    }
}
