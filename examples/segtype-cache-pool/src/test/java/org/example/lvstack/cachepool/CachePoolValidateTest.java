package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.FakeLv;
import io.lvstack.testkit.FakeSegment;
import io.lvstack.testkit.RecordingProblemSink;
import io.lvstack.testkit.RecordingSegmentWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LVM2's rules of {@code _check_lv_segment} for cache pools, in its words. */
class CachePoolValidateTest {
    private static final String CHUNK = "LV vg7/cpool, segment 1 invalid: has invalid chunk size. for cache-pool segment.";
    private final CachePoolSegmentType type = new CachePoolSegmentType();

    /** What {@code lvstack check} says of the corpus VG with the pool's segment written as {@code lines}. */
    private static List<String> checkPool(String... lines) {
        return CachePoolCorpusTest.HARNESS.problems(Fixture.withPoolBody(lines), "t.vg");
    }

    /** The engine's error for a pool part that no segment uses. */
    private static String orphan(String lv, String component) {
        return "error: vg7/" + lv + ": LV vg7/" + lv + " is a hidden sub-LV (" + component + ") that no segment uses:"
                + " it is orphaned.";
    }

    private static List<String> checkChunk(String chunkLine) {
        return chunkLine == null
                ? checkPool("type = \"cache-pool\"", "data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"")
                : checkPool("type = \"cache-pool\"", "data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", chunkLine);
    }

    /** LVM2's validate_cache_chunk_size: 64..2097152 sectors, a multiple of 64; no power of two needed. */
    @ParameterizedTest
    @ValueSource(longs = {64, 128, 192, 960, 4096, 2097152})
    void validChunkSizes(long sectors) {
        assertTrue(CachePoolSegmentType.validChunkSize(sectors));
        assertEquals(List.of(), checkChunk("chunk_size = " + sectors));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 32, 63, 65, 100, 2097153, 2097216, 4194304, 4294967295L})
    void invalidChunkSizes(long sectors) {
        assertFalse(CachePoolSegmentType.validChunkSize(sectors));
        assertEquals(List.of("error: vg7/cpool segment 1: " + CHUNK), checkChunk("chunk_size = " + sectors));
    }

    @Test
    void aMissingChunkSizeIsAnInvalidOne() {
        assertEquals(List.of("error: vg7/cpool segment 1: " + CHUNK), checkChunk(null));
    }

    @Test
    void metadataFormatTwoGoesWithTheMetadataFormatFlag() {
        assertEquals(List.of(), checkPool("type = \"cache-pool+METADATA_FORMAT\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "metadata_format = 2", "chunk_size = 128"));
        assertEquals(List.of("error: vg7/cpool segment 1: LV vg7/cpool, segment 1 invalid: sets METADATA_FORMAT flag "
                + "for cache-pool segment."), checkPool("type = \"cache-pool+METADATA_FORMAT\"", "data = \"cpool_cdata\"",
                        "metadata = \"cpool_cmeta\"", "metadata_format = 1", "chunk_size = 128"));
        assertEquals(List.of("error: vg7/cpool segment 1: LV vg7/cpool, segment 1 invalid: is missing "
                + "METADATA_FORMAT flag for cache-pool segment."), checkPool("type = \"cache-pool\"",
                        "data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", "metadata_format = 2",
                        "chunk_size = 128"));
    }

    /** The engine reads an area's name as a PV key first; LVM2's find_lv would not find it at all. */
    @Test
    void dataOnAPvIsNoPoolDataLv() {
        List<String> problems = checkPool("type = \"cache-pool\"", "data = \"pv1\"", "metadata = \"cpool_cmeta\"",
                "chunk_size = 128");
        assertEquals(List.of("error: vg7/cpool segment 1: LV vg7/cpool, segment 1 invalid: is missing a pool data LV "
                + "for cache-pool segment.", orphan("cpool_cdata", "_cdata")), problems);
    }

    @Test
    void anUnknownMetadataLvIsReportedByTheEngineAndByTheType() {
        List<String> problems = checkPool("type = \"cache-pool\"", "data = \"cpool_cdata\"", "metadata = \"nosuch\"",
                "chunk_size = 128");
        assertEquals(List.of("error: vg7/cpool segment 1 metadata: Unrecognised cache-pool metadata in segment "
                + "segment1 of logical volume cpool.", "error: vg7/cpool segment 1: LV vg7/cpool, segment 1 invalid: "
                + "is missing a pool metadata LV for cache-pool segment.", orphan("cpool_cmeta", "_cmeta")), problems);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = checkPool("type = \"cache-pool\"", "data = \"pv1\"", "metadata = \"nosuch\"",
                "metadata_format = 2", "chunk_size = 96001");
        // the type's three, the engine's unknown metadata LV, and the two parts nothing uses any more
        assertEquals(7, problems.size(), problems.toString());
    }

    // ---------------------------------------------------------------- without an engine

    /** A pool of 8 extents with its data and metadata LVs. */
    private FakeSegment pool(CachePoolFields fields) {
        return FakeLv.named("cpool").addSegment(type, fields, 8, 1).setLvArea(0, FakeLv.named("cpool_cdata"), 0)
                .attach(CachePoolSegmentType.METADATA_ROLE, FakeLv.named("cpool_cmeta"));
    }

    private static List<String> problems(FakeSegment seg) {
        return RecordingProblemSink.validate(seg).problems();
    }

    private static List<String> written(FakeSegment seg) {
        return RecordingSegmentWriter.encode(seg).lines();
    }

    @Test
    void validatesAndWritesWithoutAnEngine() {
        FakeSegment seg = pool(CachePoolFields.of(128));
        assertEquals(List.of(), problems(seg));
        assertEquals(List.of("data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", "chunk_size = 128"), written(seg));
    }

    @Test
    void aPoolWithoutItsLvsIsReportedAndCannotBeWritten() {
        FakeSegment seg = pool(CachePoolFields.of(128)).releaseArea(0).detach(CachePoolSegmentType.METADATA_ROLE);
        assertEquals(List.of("error: is missing a pool metadata LV"), problems(seg));
        assertEquals("cache pool cpool (segment at LE 0) has no data LV in area 0, which metadata cannot express",
                assertThrows(LvstackException.class, () -> written(seg)).getMessage());
        seg.setLvArea(0, FakeLv.named("d"), 0);
        assertEquals("cache pool cpool (segment at LE 0) has no metadata LV, which metadata cannot express",
                assertThrows(LvstackException.class, () -> written(seg)).getMessage());
    }

    @Test
    void problemsComeInLvm2sOrder() {
        FakeSegment seg = pool(new CachePoolFields(1, 100, null, null, null)).detach(CachePoolSegmentType.METADATA_ROLE);
        seg.lv().addStatus(LvStatus.METADATA_FORMAT);
        assertEquals(List.of("error: has invalid chunk size.", "error: sets METADATA_FORMAT flag",
                "error: is missing a pool metadata LV"), problems(seg));
    }

    /**
     * LVM2's {@code _fix_missing_defaults}: a pool in use reads with policy mq, metadata format 1
     * and mode writethrough when its text has none, and so writes them.
     */
    @Test
    void aPoolInUseGetsLvm2sDefaults() {
        FakeSegment seg = pool(CachePoolFields.of(128));
        // Any segment holding the pool puts it in use.
        FakeLv.named("cached").addSegment(type, CachePoolFields.of(64), 8, 1).setLvArea(0, seg.lv(), 0);
        assertEquals(List.of("data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", "metadata_format = 1",
                "chunk_size = 128", "cache_mode = \"writethrough\"", "policy = \"mq\""), written(seg));
        assertEquals(List.of(), problems(seg));

        ConfigSection settings = ConfigSectionBuilder.section("policy_settings").integer("a", 1).build();
        seg.setFields(new CachePoolFields(2, 128, CacheMode.WRITEBACK, "smq", settings));
        seg.lv().addStatus(LvStatus.METADATA_FORMAT);
        assertEquals(List.of("data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", "metadata_format = 2",
                "chunk_size = 128", "cache_mode = \"writeback\"", "policy = \"smq\"", "policy_settings (verbatim)"),
                written(seg));
    }

    @Test
    void fieldsRefuseWhatLvm2CannotHold() {
        assertEquals("cache metadata format 3 is not 0 (unselected), 1 or 2", assertThrows(
                IllegalArgumentException.class, () -> new CachePoolFields(3, 64, null, null, null)).getMessage());
        assertEquals("chunk size -1 is outside 0..4294967295", assertThrows(IllegalArgumentException.class,
                () -> CachePoolFields.of(-1)).getMessage());
        ConfigSection settings = new ConfigSection("policy_settings", List.of(), 0);
        assertEquals("policy_settings need a policy", assertThrows(NullPointerException.class,
                () -> new CachePoolFields(0, 64, null, null, settings)).getMessage());
        assertEquals("policy settings must be a section named policy_settings, not other", assertThrows(
                IllegalArgumentException.class, () -> new CachePoolFields(0, 64, null, "smq",
                        new ConfigSection("other", List.of(), 0))).getMessage());
    }
}
