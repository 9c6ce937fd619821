package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentTypeContractTest {
    /** A toy with a leg on an LV, one on a PV, and a log. */
    private static ConfigSectionBuilder sample(String type, long region) {
        return ConfigSectionBuilder.segment("segment1", 0, 8, type).integer("toy_count", 2).string("toy_log", "t_log")
                .integer("region", region).blank().array("legs", "t_leg0", 0, "pv0", 16);
    }

    private static ConfigSection sample() {
        return sample("toy", 1024).build();
    }

    /** The contract's complaints about {@code type}, one a line. */
    private static List<String> violations(SegmentType type, ConfigSection sample) {
        AssertionError e = assertThrows(AssertionError.class, () -> SegmentTypeContract.check(type, sample));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals("segment type '" + type.name() + "' breaks the contract with sample section 'segment1':",
                lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.substring("  - ".length())).toList();
    }

    @Test
    void aTypeKeepingEveryRulePasses() {
        SegmentTypeContract.check(new ToyType(), sample());
        SegmentTypeContract.check(new ToyType(), ConfigSectionBuilder.segment("segment1", 8, 4, "toy")
                .integer("toy_count", 1).integer("region", 64).blank().array("legs", "pv3", 0).build());
    }

    @Test
    void fieldsLostOnTheWayAreFound() {
        ToyType forgetful = new ToyType() {
            @Override
            public void encode(SegmentView segment, SegmentWriter out) {
                out.integer("toy_count", segment.areaCount());
                segment.reference(LOG).ifPresent(log -> out.string("toy_log", log.name()));
                out.areas("legs");
            }
        };
        assertEquals(List.of("decode of what encode wrote gives fields ToyFields[region=0], not ToyFields[region=1024]"),
                violations(forgetful, sample()));
    }

    /** Fields without equals are never equal when read twice. */
    static final class PlainFields implements ToyType.Region {
        private final long region;

        PlainFields(long region) {
            this.region = region;
        }

        @Override
        public long region() {
            return region;
        }
    }

    @Test
    void fieldsWithoutEqualsAreNamed() {
        ToyType plain = new ToyType() {
            @Override
            public DecodedSegment decode(ConfigSection segment, long extentCount) {
                DecodedSegment d = super.decode(segment, extentCount);
                return new DecodedSegment(d.areasKey(), d.areaCount(), new PlainFields(regionOf(d)), d.references());
            }
        };
        List<String> found = violations(plain, sample());
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).endsWith("(" + PlainFields.class.getName() + " does not implement equals)"), found.get(0));
    }

    private static long regionOf(DecodedSegment d) {
        return ((ToyType.Region) d.fields()).region();
    }

    @Test
    void aHookThatNeverClearsLeavesMarksBehind() {
        ToyType sticky = new ToyType() {
            @Override
            public Optional<LinkHook> linkHook() {
                return Optional.of(new LinkHook() {
                    @Override
                    public void linked(LinkEvent event, MarkEditor marks) {
                        marks.set(event.used(), LEG);
                    }
                });
            }
        };
        assertEquals(List.of("after every reference is released, LV t_leg0 keeps marks [toy_leg] (changes while "
                + "unlinking: [])", "after every reference is released, LV t_log keeps marks [toy_leg] (changes while "
                + "unlinking: [])"), violations(sticky, sample()));
    }

    @Test
    void aHookThatThrowsIsNamedWithItsSlot() {
        ToyType failing = new ToyType() {
            @Override
            public Optional<LinkHook> linkHook() {
                LinkHook real = super.linkHook().orElseThrow();
                return Optional.of(new LinkHook() {
                    @Override
                    public void linked(LinkEvent event, MarkEditor marks) {
                        real.linked(event, marks);
                    }

                    @Override
                    public void unlinked(LinkEvent event, MarkEditor marks) {
                        throw new IllegalStateException("boom at " + event.via());
                    }
                });
            }
        };
        List<String> found = violations(failing, sample());
        assertEquals("linkHook.unlinked for log throws java.lang.IllegalStateException: boom at log", found.get(0));
        assertEquals("linkHook.unlinked for area 0 throws java.lang.IllegalStateException: boom at area 0",
                found.get(1));
        assertEquals(4, found.size(), "and both LVs keep their marks: " + found);
    }

    @Test
    void describeMustAnswerForEveryLvAndWithinTheRules() {
        ToyType odd = new ToyType() {
            @Override
            public void describe(LvView lv, LvTraits traits) {
                if (lv.has(LEG)) {
                    traits.attr(3, 'x', 1);
                }
            }
        };
        assertEquals(List.of("describe of LV t_leg0 throws java.lang.IllegalArgumentException: lv_attr character 3 is "
                + "not one a segment type sets (0, 6, 7 or 8)"), violations(odd, sample()));
    }

    @Test
    void everyRoleDecodedMustBeDeclared() {
        ToyType undeclared = new ToyType() {
            @Override
            public List<ReferenceRole> referenceRoles() {
                return List.of();
            }
        };
        List<String> found = violations(undeclared, sample());
        assertEquals("decode of the sample references role 'log', which referenceRoles does not declare (the engine "
                + "refuses it)", found.get(0));
    }

    @Test
    void theNameAndCapabilitiesMustMakeSense() {
        ToyType confused = new ToyType() {
            @Override
            public String name() {
                return "toy pool";
            }

            @Override
            public Set<SegmentCapability> capabilities() {
                return EnumSet.of(SegmentCapability.AREAS_STRIPED, SegmentCapability.AREAS_MIRRORED,
                        SegmentCapability.UNKNOWN);
            }
        };
        ConfigSection s = sample("toy pool", 1024).build();
        AssertionError e = assertThrows(AssertionError.class, () -> SegmentTypeContract.check(confused, s));
        List<String> found = e.getMessage().lines().toList();
        assertEquals(List.of("segment type 'toy pool' breaks the contract with sample section 'segment1':",
                "  - name 'toy pool' is not a word metadata can hold after type = (printable, no space, '+', '\"' or "
                        + "'\\')", "  - capabilities claim both AREAS_STRIPED and AREAS_MIRRORED",
                "  - capabilities claim UNKNOWN, which marks the engine's stand-in for types no plugin serves"),
                found.subList(0, 4));
    }

    @Test
    void theSampleMustBeValid() {
        assertEquals(List.of("validate finds errors in the sample: [error: region size is non power of 2]"),
                violations(new ToyType(), sample("toy", 1000).build()));
    }

    @Test
    void decodeMustTakeTheSample() {
        ConfigSection nine = ConfigSectionBuilder.segment("segment1", 0, 8, "toy").integer("toy_count", 9).build();
        assertEquals(List.of("decode refuses the sample: line 6: toy_count 9 is outside 1..8"),
                violations(new ToyType(), nine));
        ConfigSection noLegs = ConfigSectionBuilder.segment("segment1", 0, 8, "toy").integer("toy_count", 2)
                .integer("region", 64).build();
        assertEquals(List.of("decode declares 2 areas in 'legs', but section 'segment1' holds no such array"),
                violations(new ToyType(), noLegs));
    }

    @Test
    void targetLineMustReturnAnOptional() {
        ToyType nothing = new ToyType() {
            @Override
            public Optional<String> targetLine(SegmentView segment, TargetContext context) {
                return null;
            }
        };
        assertEquals(List.of("targetLine returns null, not an Optional"), violations(nothing, sample()));
    }

    @Test
    void splittableTypesGiveTwoHalves() {
        ToyType splitting = new ToyType() {
            @Override
            public Set<SegmentCapability> capabilities() {
                return EnumSet.of(SegmentCapability.AREAS_MIRRORED, SegmentCapability.CAN_SPLIT);
            }

            @Override
            public List<TypeFields> splitFields(SegmentView segment, long offset) {
                return List.of(segment.fields());
            }
        };
        assertEquals(List.of("splitFields gives [ToyFields[region=1024]], not the fields of two halves"),
                violations(splitting, sample()));
        ToyType nullHalf = new ToyType() {
            @Override
            public Set<SegmentCapability> capabilities() {
                return EnumSet.of(SegmentCapability.AREAS_MIRRORED, SegmentCapability.CAN_SPLIT);
            }

            @Override
            public List<TypeFields> splitFields(SegmentView segment, long offset) {
                return java.util.Arrays.asList(segment.fields(), null);
            }
        };
        assertEquals(List.of("splitFields gives [ToyFields[region=1024], null], not the fields of two halves"),
                violations(nullHalf, sample()));
        SegmentTypeContract.check(new ToyType() {
            @Override
            public Set<SegmentCapability> capabilities() {
                return EnumSet.of(SegmentCapability.AREAS_MIRRORED, SegmentCapability.CAN_SPLIT);
            }
        }, sample());
    }

    @Test
    void segmentTypeFlagsBecomeLvStatusAsTheEngineSetsThem() {
        ToyType needsFlag = new ToyType() {
            @Override
            public void validate(SegmentView segment, ProblemSink problems) {
                if (!segment.lv().has(LvStatus.METADATA_FORMAT)) {
                    problems.error("is missing METADATA_FORMAT flag");
                }
            }
        };
        SegmentTypeContract.check(needsFlag, sample("toy+METADATA_FORMAT", 1024).build());
        assertEquals(List.of("validate finds errors in the sample: [error: is missing METADATA_FORMAT flag]"),
                violations(needsFlag, sample()));
    }

    @Test
    void aSampleOfAnotherTypeIsTheTestsMistake() {
        assertEquals("the sample's type is 'striped', not 'toy'", assertThrows(IllegalArgumentException.class,
                () -> SegmentTypeContract.check(new ToyType(), sample("striped", 64).build())).getMessage());
        assertEquals("the sample's type 'toy+BOGUS' names no segment-type flag BOGUS",
                assertThrows(IllegalArgumentException.class,
                        () -> SegmentTypeContract.check(new ToyType(), sample("toy+BOGUS", 64).build())).getMessage());
        ConfigSection headless = ConfigSectionBuilder.section("segment1").string("type", "toy").build();
        assertThrows(MetadataException.class, () -> SegmentTypeContract.check(new ToyType(), headless));
    }
}
