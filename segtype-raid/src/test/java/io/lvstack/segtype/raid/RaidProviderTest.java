package io.lvstack.segtype.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvstack.api.AfterNamesError;
import io.lvstack.api.MetadataException;
import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentImportError;
import io.lvstack.api.SegmentType;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.testkit.ConfigSectionBuilder;
import io.lvstack.testkit.SegmentTypeContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin keeps the SPI's contract and reads raid sections as LVM2's
 * {@code _raid_text_import} does; its corpus tests, which need an engine, are the engine's
 * ({@code RaidCorpusTest}, {@code RaidVerdictsTest}, {@code VmTablesTest}).
 */
class RaidProviderTest {
    private final List<SegmentType> types = new RaidProvider().segmentTypes(PluginSettings.empty());

    private SegmentType type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void providesEveryRaidLevelOfLvm2AndIntegrity() {
        assertEquals(List.of("raid0", "raid0_meta", "raid1", "raid10", "raid10_near", "raid4", "raid5", "raid5_n",
                "raid5_la", "raid5_ls", "raid5_ra", "raid5_rs", "raid6", "raid6_n_6", "raid6_nc", "raid6_nr", "raid6_zr",
                "raid6_ls_6", "raid6_rs_6", "raid6_la_6", "raid6_ra_6", "integrity"),
                types.stream().map(SegmentType::name).toList());
    }

    @Test
    void keepsTheContract() {
        SegmentTypeContract.checkProvider(new RaidProvider());
    }

    @Test
    void pairsAreToldByTheMetadataLvsName() {
        DecodedSegment d = type("raid5_n").decode(ConfigSectionBuilder.segment("segment1", 0, 4, "raid5_n")
                .integer("device_count", 3).integer("region_size", 4096).integer("stripe_size", 128)
                .array("raids", "st_rmeta_0", "st_rimage_0", "st_rimage_1", "st_rmeta_2", "st_rimage_2").build(), 4);
        assertEquals(List.of("st_rimage_0", "st_rimage_1", "st_rimage_2"),
                d.namedAreas().stream().map(DecodedSegment.NamedArea::name).toList());
        assertEquals(List.of("meta[0]", "meta[2]"), d.references().keySet().stream().map(Object::toString).toList());
    }

    @Test
    void aWrongNumberOfAreasIsReportedAfterTheNamesReadBeforeIt() {
        AfterNamesError e = assertThrows(AfterNamesError.class, () -> type("raid1").decode(
                ConfigSectionBuilder.segment("segment1", 0, 4, "raid1").integer("device_count", 2)
                        .integer("region_size", 4096).array("raids", "r1_rmeta_0", "r1_rimage_0", "nosuchlv",
                                "r1_rimage_1").build(), 4));
        assertEquals("Incorrect number of areas in area array for segment 'segment1'.", e.getMessage());
        assertEquals(List.of("r1_rmeta_0", "r1_rimage_0", "nosuchlv"), e.names());
    }

    @Test
    void countsAndNumbersAreCheckedInLvm2sWords() {
        MetadataException none = assertThrows(MetadataException.class, () -> type("raid1").decode(
                ConfigSectionBuilder.segment("segment1", 0, 4, "raid1").array("raids", "a_rimage_0").build(), 4));
        assertEquals("Couldn't read 'device_count' or 'stripe_count' for segment 'segment1'.", none.getMessage());
        MetadataException both = assertThrows(MetadataException.class, () -> type("raid0").decode(
                ConfigSectionBuilder.segment("segment1", 0, 4, "raid0").integer("device_count", 1)
                        .integer("stripe_count", 1).array("raid0_lvs", "a_rimage_0").build(), 4));
        assertEquals("Only one of 'device_count' and 'stripe_count' allowed for segment 'segment1'.",
                both.getMessage());
        SegmentImportError region = assertThrows(SegmentImportError.class, () -> type("raid1").decode(
                ConfigSectionBuilder.segment("segment1", 0, 4, "raid1").integer("device_count", 1)
                        .string("region_size", "big").array("raids", "a_rimage_0").build(), 4));
        assertEquals("Couldn't read 'region_size' for segment s of logical volume a.",
                region.located("s", "a").getMessage());
        SegmentImportError array = assertThrows(SegmentImportError.class, () -> type("raid0").decode(
                ConfigSectionBuilder.segment("segment1", 0, 4, "raid0").integer("stripe_count", 1)
                        .array("raids", "a_rimage_0").build(), 4));
        assertEquals("Couldn't find RAID array for segment s of logical volume a.", array.located("s", "a").getMessage());
    }

    @Test
    void imagesHoldWhatTheLevelsGeometrySays() {
        RaidFields f = RaidFields.of(4096, 128, 0);
        assertEquals(6, type("raid1").areaLength(6, 2, f));
        assertEquals(2, type("raid0").areaLength(4, 2, f));
        assertEquals(3, type("raid5").areaLength(5, 3, f), "ceil(5 / 2)");
        assertEquals(2, type("raid6_nr").areaLength(6, 5, f));
        assertEquals(2, type("raid10").areaLength(4, 4, f), "two copies over four images");
        assertEquals(3, type("raid10").areaLength(3, 3, RaidFields.of(4096, 128, 3)));
    }
}
