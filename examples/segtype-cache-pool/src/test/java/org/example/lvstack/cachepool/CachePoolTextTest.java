package org.example.lvstack.cachepool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.MetadataException;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataSourceException;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.harness.PluginHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and writing the type's own fields: LVM2's import rules and export order. */
class CachePoolTextTest {
    private static final PluginHarness HARNESS = CachePoolCorpusTest.HARNESS;
    private final CachePoolSegmentType type = new CachePoolSegmentType();

    // ---------------------------------------------------------------- decode, in isolation

    /** A cache-pool segment section on line 1; the type's own fields follow from line 6. */
    private static ConfigSectionBuilder pool() {
        return ConfigSectionBuilder.segment("segment1", 0, 8, "cache-pool");
    }

    /** With its data and metadata LVs, on lines 6 and 7. */
    private static ConfigSectionBuilder withLvs() {
        return pool().string("data", "cpool_cdata").string("metadata", "cpool_cmeta");
    }

    @Test
    void decodesLvm2sOwnSegment() {
        DecodedSegment d = type.decode(withLvs().integer("chunk_size", 128).build(), 8);
        assertNull(d.areasKey());
        assertEquals(1, d.areaCount());
        assertEquals(List.of(new DecodedSegment.NamedArea("cpool_cdata", 0)), d.namedAreas());
        assertEquals(Map.of(ReferenceRole.of("metadata"), "cpool_cmeta"), d.references());
        assertEquals(CachePoolFields.of(128), d.fields());
    }

    @Test
    void decodesEveryField() {
        ConfigSection segment = withLvs().integer("metadata_format", 2).integer("chunk_size", 192)
                .string("cache_mode", "WriteBack").string("policy", "smq")
                .section(ConfigSectionBuilder.section("policy_settings").integer("migration_threshold", 2048)).build();
        CachePoolFields f = (CachePoolFields) type.decode(segment, 8).fields();
        assertEquals(2, f.metadataFormat());
        assertEquals(192, f.chunkSize());
        assertEquals(CacheMode.WRITEBACK, f.cacheMode());
        assertEquals("smq", f.policy());
        assertSame(segment.section("policy_settings").orElseThrow(), f.policySettings());
    }

    @Test
    void withoutChunkSizeTheFieldIsUnsetForValidateToReport() {
        assertEquals(CachePoolFields.of(0), type.decode(withLvs().build(), 8).fields());
    }

    /** libdm does not tell {@code ["x"]} from {@code "x"}, and reads an array by its first value. */
    @Test
    void oneElementArraysReadAsTheirElement() {
        DecodedSegment d = type.decode(pool().array("data", "cpool_cdata").string("metadata", "cpool_cmeta")
                .array("chunk_size", 64).build(), 8);
        assertEquals("cpool_cdata", d.namedAreas().get(0).name());
        assertEquals(64, ((CachePoolFields) d.fields()).chunkSize());
    }

    private void refused(int line, String message, ConfigSectionBuilder segment) {
        MetadataException e = assertThrows(MetadataException.class, () -> type.decode(segment.build(), 8));
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void dataMustBeThereAndAString() {
        refused(1, "Cache data not specified in segment segment1.", pool().string("metadata", "cpool_cmeta"));
        refused(6, "Cache data must be a string in segment segment1.",
                pool().integer("data", 3).string("metadata", "cpool_cmeta"));
        refused(6, "Cache data must be a string in segment segment1.",
                pool().section(ConfigSectionBuilder.section("data")).string("metadata", "cpool_cmeta"));
    }

    @Test
    void metadataMustBeThereAndAString() {
        refused(1, "Cache metadata not specified in segment segment1.", pool().string("data", "cpool_cdata"));
        refused(7, "Cache metadata must be a string in segment segment1.",
                pool().string("data", "cpool_cdata").array("metadata"));
    }

    @Test
    void metadataFormatIsOneOrTwo() {
        refused(8, "Unknown cache metadata format 3 number in segment segment1.", withLvs().integer("metadata_format", 3));
        refused(8, "Unknown cache metadata format 0 number in segment segment1.", withLvs().integer("metadata_format", 0));
        refused(8, "Unknown cache metadata format 0 number in segment segment1.", withLvs().string("metadata_format", "2"));
    }

    @Test
    void chunkSizeIsAnUnsigned32BitInteger() {
        refused(8, "Couldn't read cache chunk_size in segment segment1.", withLvs().string("chunk_size", "128"));
        refused(8, "Couldn't read cache chunk_size in segment segment1.", withLvs().real("chunk_size", 128));
        refused(8, "'chunk_size' in section 'segment1' is -1, outside 0..4294967295", withLvs().integer("chunk_size", -1));
        refused(8, "'chunk_size' in section 'segment1' is 4294967296, outside 0..4294967295",
                withLvs().integer("chunk_size", 4294967296L));
    }

    @Test
    void cacheModeIsOneOfThreeWords() {
        refused(8, "cache_mode must be a string in segment segment1.", withLvs().integer("cache_mode", 1));
        refused(8, "Unknown cache_mode in segment segment1.", withLvs().string("cache_mode", "writearound"));
        for (CacheMode m : CacheMode.values()) {
            assertEquals(m, ((CachePoolFields) type.decode(withLvs()
                    .string("cache_mode", m.word().toUpperCase(java.util.Locale.ROOT)).build(), 8).fields()).cacheMode());
        }
    }

    @Test
    void policyIsAStringAndItsSettingsASectionAfterIt() {
        refused(8, "policy must be a string in segment segment1.", withLvs().integer("policy", 1));
        refused(8, "policy_settings must have a policy_name in segment segment1.",
                withLvs().section(ConfigSectionBuilder.section("policy_settings")));
        refused(9, "policy_settings must be a section in segment segment1.",
                withLvs().string("policy", "smq").integer("policy_settings", 1));
    }

    // ---------------------------------------------------------------- through the engine

    private static String roundTrip(String text) {
        ImportedVg vg = HARNESS.read(text, "t.vg");
        assertEquals(java.util.Set.of(), vg.vg().unknownSegmentTypes());
        return HARNESS.write(vg);
    }

    /** Every field, in LVM2's order; policy_settings as {@code out_config_node} writes it. */
    @Test
    void everyFieldIsWrittenInLvm2sOrderAndLayout() {
        String text = Fixture.withPoolBody("type = \"cache-pool+METADATA_FORMAT\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "metadata_format = 2", "chunk_size = 128",
                "cache_mode = \"writeback\"", "policy = \"smq\"", "policy_settings {",
                "\tmigration_threshold=2048", "\tname=\"x\\\"y\"", "}");
        HARNESS.assertRoundTrip(text, "t.vg");
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
        String disk = HARNESS.write(HARNESS.read(text, "t.vg"), MetadataFormat.Form.ON_DISK);
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
        MetadataSourceException e = assertThrows(MetadataSourceException.class, () -> HARNESS.read(text, "t.vg"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void decodeErrorsArePlacedOnTheirLine() {
        String text = Fixture.withPoolBody("type = \"cache-pool\"", "data = \"cpool_cdata\"",
                "metadata = \"cpool_cmeta\"", "cache_mode = \"fast\"");
        MetadataSourceException e = assertThrows(MetadataSourceException.class, () -> HARNESS.read(text, "t.vg"));
        assertEquals("t.vg:107: Unknown cache_mode in segment segment1.", e.getMessage());
    }
}
