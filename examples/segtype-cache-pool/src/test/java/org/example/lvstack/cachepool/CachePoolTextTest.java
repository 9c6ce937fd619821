package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.MetadataException;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataSourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and writing the type's own fields: LVM2's import rules and export order. */
class CachePoolTextTest {
    private static final MetadataFormat FORMAT = CachePoolCorpusTest.FORMAT;
    private final CachePoolSegmentType type = new CachePoolSegmentType();

    // ---------------------------------------------------------------- decode, in isolation

    private static ConfigSection segment(ConfigNode... nodes) {
        List<ConfigNode> children = new ArrayList<>();
        children.add(new ConfigEntry("start_extent", new ConfigValue.Int(0), 2));
        children.add(new ConfigEntry("extent_count", new ConfigValue.Int(8), 3));
        children.add(new ConfigEntry("type", ConfigValue.Str.of("cache-pool"), 5));
        children.addAll(List.of(nodes));
        return new ConfigSection("segment1", children, 1, 20);
    }

    private static ConfigEntry str(String key, String value, int line) {
        return new ConfigEntry(key, ConfigValue.Str.of(value), line);
    }

    private static ConfigEntry num(String key, long value, int line) {
        return new ConfigEntry(key, new ConfigValue.Int(value), line);
    }

    private static final ConfigEntry DATA = str("data", "cpool_cdata", 6);
    private static final ConfigEntry META = str("metadata", "cpool_cmeta", 7);

    @Test
    void decodesLvm2sOwnSegment() {
        DecodedSegment d = type.decode(segment(DATA, META, num("chunk_size", 128, 8)), 8);
        assertNull(d.areasKey());
        assertEquals(1, d.areaCount());
        assertEquals(List.of(new DecodedSegment.NamedArea("cpool_cdata", 0)), d.namedAreas());
        assertEquals(Map.of(ReferenceRole.of("metadata"), "cpool_cmeta"), d.references());
        assertEquals(CachePoolFields.of(128), d.fields());
    }

    @Test
    void decodesEveryField() {
        ConfigSection settings = new ConfigSection("policy_settings",
                List.of(num("migration_threshold", 2048, 13)), 12, 14);
        DecodedSegment d = type.decode(segment(DATA, META, num("metadata_format", 2, 8), num("chunk_size", 192, 9),
                str("cache_mode", "WriteBack", 10), str("policy", "smq", 11), settings), 8);
        CachePoolFields f = (CachePoolFields) d.fields();
        assertEquals(2, f.metadataFormat());
        assertEquals(192, f.chunkSize());
        assertEquals(CacheMode.WRITEBACK, f.cacheMode());
        assertEquals("smq", f.policy());
        assertEquals(settings, f.policySettings());
    }

    @Test
    void withoutChunkSizeTheFieldIsUnsetForValidateToReport() {
        assertEquals(CachePoolFields.of(0), type.decode(segment(DATA, META), 8).fields());
    }

    /** libdm does not tell {@code ["x"]} from {@code "x"}, and reads an array by its first value. */
    @Test
    void oneElementArraysReadAsTheirElement() {
        DecodedSegment d = type.decode(segment(
                new ConfigEntry("data", new ConfigValue.Array(List.of(ConfigValue.Str.of("cpool_cdata"))), 6), META,
                new ConfigEntry("chunk_size", new ConfigValue.Array(List.of(new ConfigValue.Int(64))), 8)), 8);
        assertEquals("cpool_cdata", d.namedAreas().get(0).name());
        assertEquals(64, ((CachePoolFields) d.fields()).chunkSize());
    }

    private void refused(int line, String message, ConfigNode... nodes) {
        MetadataException e = assertThrows(MetadataException.class, () -> type.decode(segment(nodes), 8));
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void dataMustBeThereAndAString() {
        refused(1, "Cache data not specified in segment segment1.", META);
        refused(6, "Cache data must be a string in segment segment1.", num("data", 3, 6), META);
        refused(6, "Cache data must be a string in segment segment1.",
                new ConfigSection("data", List.of(), 6), META);
    }

    @Test
    void metadataMustBeThereAndAString() {
        refused(1, "Cache metadata not specified in segment segment1.", DATA);
        refused(7, "Cache metadata must be a string in segment segment1.", DATA,
                new ConfigEntry("metadata", new ConfigValue.Array(List.of()), 7));
    }

    @Test
    void metadataFormatIsOneOrTwo() {
        refused(8, "Unknown cache metadata format 3 number in segment segment1.", DATA, META,
                num("metadata_format", 3, 8));
        refused(8, "Unknown cache metadata format 0 number in segment segment1.", DATA, META,
                num("metadata_format", 0, 8));
        refused(8, "Unknown cache metadata format 0 number in segment segment1.", DATA, META,
                str("metadata_format", "2", 8));
    }

    @Test
    void chunkSizeIsAnUnsigned32BitInteger() {
        refused(8, "Couldn't read cache chunk_size in segment segment1.", DATA, META, str("chunk_size", "128", 8));
        refused(8, "Couldn't read cache chunk_size in segment segment1.", DATA, META,
                new ConfigEntry("chunk_size", new ConfigValue.Real(128), 8));
        refused(8, "'chunk_size' in section 'segment1' is -1, outside 0..4294967295", DATA, META,
                num("chunk_size", -1, 8));
        refused(8, "'chunk_size' in section 'segment1' is 4294967296, outside 0..4294967295", DATA, META,
                num("chunk_size", 4294967296L, 8));
    }

    @Test
    void cacheModeIsOneOfThreeWords() {
        refused(9, "cache_mode must be a string in segment segment1.", DATA, META, num("cache_mode", 1, 9));
        refused(9, "Unknown cache_mode in segment segment1.", DATA, META, str("cache_mode", "writearound", 9));
        for (CacheMode m : CacheMode.values()) {
            assertEquals(m, ((CachePoolFields) type.decode(segment(DATA, META,
                    str("cache_mode", m.word().toUpperCase(java.util.Locale.ROOT), 9)), 8).fields()).cacheMode());
        }
    }

    @Test
    void policyIsAStringAndItsSettingsASectionAfterIt() {
        refused(10, "policy must be a string in segment segment1.", DATA, META, num("policy", 1, 10));
        refused(11, "policy_settings must have a policy_name in segment segment1.", DATA, META,
                new ConfigSection("policy_settings", List.of(), 11));
        refused(11, "policy_settings must be a section in segment segment1.", DATA, META, str("policy", "smq", 10),
                num("policy_settings", 1, 11));
    }

    // ---------------------------------------------------------------- through the engine

    private static String roundTrip(String text) {
        ImportedVg vg = FORMAT.read(text, "t.vg");
        assertEquals(java.util.Set.of(), vg.vg().unknownSegmentTypes());
        return FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
    }

    /** Every field, in LVM2's order; policy_settings as {@code out_config_node} writes it. */
    @Test
    void everyFieldIsWrittenInLvm2sOrderAndLayout() {
        String text = Fixture.withPoolBody("type = \"cache-pool+METADATA_FORMAT\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "metadata_format = 2", "chunk_size = 128",
                "cache_mode = \"writeback\"", "policy = \"smq\"", "policy_settings {",
                "\tmigration_threshold=2048", "\tname=\"x\\\"y\"", "}");
        assertEquals(text, roundTrip(text));
    }

    @Test
    void fieldsAreWrittenInLvm2sOrderWhateverTheirOrderInTheText() {
        String in = Fixture.withPoolBody("type = \"cache-pool\"", "policy_settings {", "\ta = 1", "}",
                "policy = \"smq\"", "cache_mode = \"PassThrough\"", "chunk_size = 128", "metadata_format = 1",
                "metadata = \"cpool_cmeta\"", "data = \"cpool_cdata\"");
        String out = Fixture.withPoolBody("type = \"cache-pool\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "metadata_format = 1", "chunk_size = 128",
                "cache_mode = \"passthrough\"", "policy = \"smq\"", "policy_settings {", "\ta=1", "}");
        assertEquals(out, roundTrip(in));
    }

    /** LVM2 writes policy_settings only when it has children, and chunk_size only when not 0. */
    @Test
    void emptySettingsAndZeroChunkSizeAreNotWritten() {
        String in = Fixture.withPoolBody("type = \"cache-pool\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "chunk_size = 0", "policy = \"mq\"", "policy_settings {", "}");
        String out = Fixture.withPoolBody("type = \"cache-pool\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "policy = \"mq\"");
        assertEquals(out, roundTrip(in));
    }

    @Test
    void diskFormWritesSettingsCompactly() {
        String text = Fixture.withPoolBody("type = \"cache-pool\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "chunk_size = 128", "policy = \"smq\"", "policy_settings {",
                "\tmigration_threshold=2048", "}");
        ImportedVg vg = FORMAT.read(text, "t.vg");
        String disk = FORMAT.write(vg.vg(), vg.header(), MetadataFormat.Form.ON_DISK);
        assertTrue(disk.contains("type = \"cache-pool\"\ndata = \"cpool_cdata\"\nmetadata = \"cpool_cmeta\"\n"
                + "chunk_size = 128\npolicy = \"smq\"\npolicy_settings {\n\tmigration_threshold=2048\n}\n}\n"), disk);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data = \"nosuch\"|t.vg:100: vg7/cpool segment 1 area 0: Couldn't find volume 'nosuch' for segment 'segment1'.",
        "metadata = \"nosuch\"|t.vg:100: vg7/cpool segment 1 metadata: Unrecognised cache-pool metadata in segment segment1 of logical volume cpool.",
    })
    void unknownLvNamesAreTheEnginesToReport(String replace, String message) {
        String text = Fixture.corpusText().replace(replace.startsWith("data") ? "data = \"cpool_cdata\""
                : "metadata = \"cpool_cmeta\"", replace);
        MetadataSourceException e = assertThrows(MetadataSourceException.class, () -> FORMAT.read(text, "t.vg"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void decodeErrorsArePlacedOnTheirLine() {
        String text = Fixture.withPoolBody("type = \"cache-pool\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "cache_mode = \"fast\"");
        MetadataSourceException e = assertThrows(MetadataSourceException.class, () -> FORMAT.read(text, "t.vg"));
        assertEquals("t.vg:107: Unknown cache_mode in segment segment1.", e.getMessage());
    }
}
