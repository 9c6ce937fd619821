package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LVM2's rules of {@code _check_lv_segment} for cache pools, in its words. */
class CachePoolValidateTest {
    private static final String CHUNK = "LV vg7/cpool, segment 1 invalid: has invalid chunk size. for cache-pool segment.";
    private final CachePoolSegmentType type = new CachePoolSegmentType();

    @TempDir
    Path dir;

    private List<String> check(String text) throws IOException {
        Path file = dir.resolve("t.vg");
        Files.writeString(file, text);
        return new Checker(CachePoolCorpusTest.FORMAT).check(file).problems().stream().map(Problem::toString).toList();
    }

    /** The engine's error for a pool part that no segment uses. */
    private static String orphan(String lv, String component) {
        return "error: vg7/" + lv + ": LV vg7/" + lv + " is a hidden sub-LV (" + component + ") that no segment uses:"
                + " it is orphaned.";
    }

    private List<String> checkPool(String... lines) throws IOException {
        return check(Fixture.withPoolBody(lines));
    }

    private List<String> checkChunk(String chunkLine) throws IOException {
        return chunkLine == null
                ? checkPool("type = \"cache-pool\"", "data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"")
                : checkPool("type = \"cache-pool\"", "data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", chunkLine);
    }

    /** LVM2's validate_cache_chunk_size: 64..2097152 sectors, a multiple of 64; no power of two needed. */
    @ParameterizedTest
    @ValueSource(longs = {64, 128, 192, 960, 4096, 2097152})
    void validChunkSizes(long sectors) throws IOException {
        assertTrue(CachePoolSegmentType.validChunkSize(sectors));
        assertEquals(List.of(), checkChunk("chunk_size = " + sectors));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 32, 63, 65, 100, 2097153, 2097216, 4194304, 4294967295L})
    void invalidChunkSizes(long sectors) throws IOException {
        assertFalse(CachePoolSegmentType.validChunkSize(sectors));
        assertEquals(List.of("error: vg7/cpool segment 1: " + CHUNK), checkChunk("chunk_size = " + sectors));
    }

    @Test
    void aMissingChunkSizeIsAnInvalidOne() throws IOException {
        assertEquals(List.of("error: vg7/cpool segment 1: " + CHUNK), checkChunk(null));
    }

    @Test
    void metadataFormatTwoGoesWithTheMetadataFormatFlag() throws IOException {
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
    void dataOnAPvIsNoPoolDataLv() throws IOException {
        List<String> problems = checkPool("type = \"cache-pool\"", "data = \"pv1\"", "metadata = \"cpool_cmeta\"",
                "chunk_size = 128");
        assertEquals(List.of("error: vg7/cpool segment 1: LV vg7/cpool, segment 1 invalid: is missing a pool data LV "
                + "for cache-pool segment.", orphan("cpool_cdata", "_cdata")), problems);
    }

    @Test
    void anUnknownMetadataLvIsReportedByTheEngineAndByTheType() throws IOException {
        List<String> problems = checkPool("type = \"cache-pool\"", "data = \"cpool_cdata\"", "metadata = \"nosuch\"",
                "chunk_size = 128");
        assertEquals(List.of("error: vg7/cpool segment 1 metadata: Unrecognised cache-pool metadata in segment "
                + "segment1 of logical volume cpool.", "error: vg7/cpool segment 1: LV vg7/cpool, segment 1 invalid: "
                + "is missing a pool metadata LV for cache-pool segment.", orphan("cpool_cmeta", "_cmeta")), problems);
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        List<String> problems = checkPool("type = \"cache-pool\"", "data = \"pv1\"", "metadata = \"nosuch\"",
                "metadata_format = 2", "chunk_size = 96001");
        // the type's three, the engine's unknown metadata LV, and the two parts nothing uses any more
        assertEquals(7, problems.size(), problems.toString());
    }

    // ---------------------------------------------------------------- without an engine

    private Fakes.Seg pool(CachePoolFields fields) {
        Fakes.Lv lv = new Fakes.Lv("cpool");
        Fakes.Seg seg = new Fakes.Seg(lv, type, fields, 1);
        Fakes.Lv data = new Fakes.Lv("cpool_cdata");
        seg.areas[0] = new Area.OnLv(data, 0);
        seg.refs.put(CachePoolSegmentType.METADATA_ROLE, new Fakes.Lv("cpool_cmeta"));
        return seg;
    }

    private List<String> problems(Fakes.Seg seg) {
        Fakes.Sink sink = new Fakes.Sink();
        type.validate(seg, sink);
        return sink.problems;
    }

    private List<String> written(Fakes.Seg seg) {
        Fakes.Writer w = new Fakes.Writer();
        type.encode(seg, w);
        return w.lines;
    }

    @Test
    void validatesAndWritesWithoutAnEngine() {
        Fakes.Seg seg = pool(CachePoolFields.of(128));
        assertEquals(List.of(), problems(seg));
        assertEquals(List.of("data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", "chunk_size = 128"), written(seg));
    }

    @Test
    void aPoolWithoutItsLvsIsReportedAndCannotBeWritten() {
        Fakes.Seg seg = pool(CachePoolFields.of(128));
        seg.areas[0] = null;
        seg.refs.clear();
        assertEquals(List.of("error: is missing a pool metadata LV"), problems(seg));
        assertEquals("cache pool cpool (segment at LE 0) has no data LV in area 0, which metadata cannot express",
                assertThrows(LvstackException.class, () -> written(seg)).getMessage());
        seg.areas[0] = new Area.OnLv(new Fakes.Lv("d"), 0);
        assertEquals("cache pool cpool (segment at LE 0) has no metadata LV, which metadata cannot express",
                assertThrows(LvstackException.class, () -> written(seg)).getMessage());
    }

    @Test
    void problemsComeInLvm2sOrder() {
        Fakes.Seg seg = pool(new CachePoolFields(1, 100, null, null, null));
        seg.lv.status.add(LvStatus.METADATA_FORMAT);
        seg.refs.clear();
        assertEquals(List.of("error: has invalid chunk size.", "error: sets METADATA_FORMAT flag",
                "error: is missing a pool metadata LV"), problems(seg));
    }

    /**
     * LVM2's {@code _fix_missing_defaults}: a pool in use reads with policy mq, metadata format 1
     * and mode writethrough when its text has none, and so writes them.
     */
    @Test
    void aPoolInUseGetsLvm2sDefaults() {
        Fakes.Seg seg = pool(CachePoolFields.of(128));
        Fakes.Lv cached = new Fakes.Lv("cached");
        seg.lv.users.add(new Fakes.Seg(cached, type, CachePoolFields.of(64), 0));
        assertEquals(List.of("data = \"cpool_cdata\"", "metadata = \"cpool_cmeta\"", "metadata_format = 1",
                "chunk_size = 128", "cache_mode = \"writethrough\"", "policy = \"mq\""), written(seg));
        assertEquals(List.of(), problems(seg));

        ConfigSection settings = new ConfigSection("policy_settings", List.of(
                new io.lvstack.api.text.ConfigEntry("a", new io.lvstack.api.text.ConfigValue.Int(1), 0)), 0);
        seg.fields = new CachePoolFields(2, 128, CacheMode.WRITEBACK, "smq", settings);
        seg.lv.status.add(LvStatus.METADATA_FORMAT);
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
