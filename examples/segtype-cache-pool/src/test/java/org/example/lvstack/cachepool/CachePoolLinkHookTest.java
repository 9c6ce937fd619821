package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The marks follow the links through the engine's operations, and are undone with them. */
class CachePoolLinkHookTest {
    private final VolumeGroup vg = CachePoolCorpusTest.FORMAT.read(Corpus.file("cachepool.vg")).vg();
    private final LogicalVolume pool = vg.lv("cpool");
    private final LogicalVolume data = vg.lv("cpool_cdata");
    private final LogicalVolume meta = vg.lv("cpool_cmeta");
    private final Segment seg = pool.segments().get(0);

    private static boolean hasAny(LogicalVolume lv, LvStatus... bits) {
        for (LvStatus b : bits) {
            if (lv.has(b)) {
                return true;
            }
        }
        return false;
    }

    private void assertMarked() {
        assertTrue(pool.has(LvStatus.CACHE_POOL));
        assertTrue(data.has(LvStatus.CACHE_POOL_DATA) && data.has(LvStatus.POOL_DATA));
        assertTrue(meta.has(LvStatus.CACHE_POOL_METADATA) && meta.has(LvStatus.POOL_METADATA));
    }

    @Test
    void releasingTheDataAreaUnmarksDataAndPool() {
        vg.apply(ed -> ed.releaseArea(seg, 0));
        assertFalse(hasAny(data, LvStatus.CACHE_POOL_DATA, LvStatus.POOL_DATA));
        assertFalse(pool.has(LvStatus.CACHE_POOL));
        assertTrue(meta.has(LvStatus.CACHE_POOL_METADATA));
        vg.apply(ed -> ed.setLvArea(seg, 0, data, 0));
        assertMarked();
    }

    @Test
    void detachingTheMetadataUnmarksIt() {
        vg.apply(ed -> ed.detach(seg, CachePoolSegmentType.METADATA_ROLE));
        assertFalse(hasAny(meta, LvStatus.CACHE_POOL_METADATA, LvStatus.POOL_METADATA));
        assertTrue(pool.has(LvStatus.CACHE_POOL));
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
        assertTrue(pool.has(LvStatus.CACHE_POOL));
        assertTrue(spare.has(LvStatus.CACHE_POOL_DATA) && spare.has(LvStatus.POOL_DATA));
        assertFalse(hasAny(data, LvStatus.CACHE_POOL_DATA, LvStatus.POOL_DATA));
    }

    @Test
    void removingThePoolLvUnmarksItsParts() {
        vg.apply(ed -> ed.removeLv(pool));
        assertFalse(hasAny(data, LvStatus.CACHE_POOL_DATA, LvStatus.POOL_DATA));
        assertFalse(hasAny(meta, LvStatus.CACHE_POOL_METADATA, LvStatus.POOL_METADATA));
        assertEquals(List.of(), data.users());
        // the parts stay behind, used by nothing: the engine's checker calls them orphaned
        assertEquals(List.of("error: vg7/cpool_cmeta: LV vg7/cpool_cmeta is a hidden sub-LV (_cmeta) that no segment"
                + " uses: it is orphaned.", "error: vg7/cpool_cdata: LV vg7/cpool_cdata is a hidden sub-LV (_cdata) that"
                + " no segment uses: it is orphaned."), Checker.check(vg).problems().stream().map(Object::toString)
                        .toList());
    }

    @Test
    void aFailedChangeLeavesTheMarksAsTheyWere() {
        Set<LvStatus> before = Set.copyOf(data.status());
        assertThrows(IllegalStateException.class, () -> vg.apply(ed -> {
            ed.removeSegment(seg);
            assertFalse(data.has(LvStatus.CACHE_POOL_DATA));
            assertFalse(pool.has(LvStatus.CACHE_POOL));
            throw new IllegalStateException("abandon");
        }));
        assertEquals(before, data.status());
        assertMarked();
        assertEquals(List.of(seg), data.users());
    }
}
