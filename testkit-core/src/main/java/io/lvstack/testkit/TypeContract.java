package io.lvstack.testkit;

import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One run of {@link SegmentTypeContract#check}: see there for the rules. */
final class TypeContract {
    /** The fields the engine reads itself before the type decodes the rest. */
    private static final List<String> COMMON = List.of("start_extent", "extent_count", "type", "tags");

    private final SegmentType type;
    private final ConfigSection sample;
    private final Violations violations = new Violations();
    /** The declared roles; empty when asking for them failed. */
    private List<ReferenceRole> roles = List.of();

    TypeContract(SegmentType type, ConfigSection sample) {
        this.type = type;
        this.sample = sample;
    }

    void run() {
        long len = sample.requireInt("extent_count");
        Set<LvStatus> flags = flags(sample.requireString("type"));
        declarations();
        if (Boolean.FALSE.equals(violations.call("accepts", () -> type.accepts(sample)))) {
            violations.add("accepts refuses the sample");
        }
        DecodedSegment first = decode(sample, len, "the sample");
        SampleStack stack = first == null ? null : SampleStack.of(type, roles, first, sample, len, flags, violations);
        if (stack != null) {
            Optional<LinkHook> hook = violations.call("linkHook", type::linkHook);
            if (hook == null) {
                hook = Optional.empty();
            }
            hook.ifPresent(h -> link(stack, h));
            RecordingSegmentWriter written = encode(stack);
            if (written != null) {
                roundTrip(first, written, len, flags);
            }
            views(stack);
            hook.ifPresent(h -> unlink(stack, h));
        }
        violations.throwIfAny("segment type '" + type.name() + "' breaks the contract with sample section '"
                + sample.key() + "'");
    }

    /** The LV status bits of {@code type = "NAME+FLAG"}, as the engine sets them; the name must be the type's. */
    private Set<LvStatus> flags(String typeWord) {
        String[] parts = typeWord.split("\\+", -1);
        if (!parts[0].equals(type.name())) {
            throw new IllegalArgumentException("the sample's type is '" + parts[0] + "', not '" + type.name() + "'");
        }
        Set<LvStatus> flags = EnumSet.noneOf(LvStatus.class);
        for (int i = 1; i < parts.length; i++) {
            LvStatus bit = null;
            for (LvStatus s : LvStatus.values()) {
                if (s.word().equals(parts[i]) && s.kind() == LvStatus.Kind.SEGTYPE) {
                    bit = s;
                }
            }
            if (bit == null) {
                throw new IllegalArgumentException("the sample's type '" + typeWord + "' names no segment-type flag "
                        + parts[i]);
            }
            flags.add(bit);
        }
        return flags;
    }

    /** What the type says of itself: a name metadata can hold, consistent capabilities, distinct roles. */
    private void declarations() {
        String name = type.name();
        if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '+' && c != '"'
                && c != '\\')) {
            violations.add("name " + (name == null ? "null" : "'" + name + "'") + " is not a word metadata can hold after"
                    + " type = (printable, no space, '+', '\"' or '\\')");
        }
        Set<SegmentCapability> caps = violations.call("capabilities", type::capabilities);
        if (caps != null && caps.contains(SegmentCapability.AREAS_STRIPED)
                && caps.contains(SegmentCapability.AREAS_MIRRORED)) {
            violations.add("capabilities claim both AREAS_STRIPED and AREAS_MIRRORED");
        }
        if (caps != null && caps.contains(SegmentCapability.UNKNOWN)) {
            violations.add("capabilities claim UNKNOWN, which marks the engine's stand-in for types no plugin serves");
        }
        List<ReferenceRole> declared = violations.call("referenceRoles", type::referenceRoles);
        if (declared != null) {
            roles = declared;
            if (new HashSet<>(declared).size() != declared.size()) {
                violations.add("referenceRoles " + declared + " names a role twice");
            }
        }
    }

    private DecodedSegment decode(ConfigSection section, long len, String what) {
        try {
            DecodedSegment d = type.decode(section, len);
            if (d == null) {
                violations.add("decode of " + what + " returns null");
                return null;
            }
            for (ReferenceRole role : d.references().keySet()) {
                if (!roles.contains(role)) {
                    violations.add("decode of " + what + " references role '" + role
                            + "', which referenceRoles does not declare (the engine refuses it)");
                }
            }
            return d;
        } catch (MetadataException e) {
            violations.add("decode refuses " + what + ": line " + e.line() + ": " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            violations.add("decode of " + what + " throws " + e);
        }
        return null;
    }

    private RecordingSegmentWriter encode(SampleStack stack) {
        RecordingSegmentWriter out = new RecordingSegmentWriter(stack.segment);
        return violations.run("encode", () -> type.encode(stack.segment, out)) ? out : null;
    }

    /** decode(encode(x)) declares what x declared, and encodes to the same text again. */
    private void roundTrip(DecodedSegment first, RecordingSegmentWriter written, long len, Set<LvStatus> flags) {
        List<ConfigNode> nodes = new ArrayList<>();
        for (String key : COMMON) {
            sample.child(key).ifPresent(nodes::add);
        }
        nodes.addAll(written.nodes());
        ConfigSection again = new ConfigSection(sample.key(), nodes, sample.line());
        if (Boolean.FALSE.equals(violations.call("accepts", () -> type.accepts(again)))) {
            violations.add("accepts refuses what encode wrote: " + written.lines());
        }
        DecodedSegment second = decode(again, len, "what encode wrote " + written.lines());
        if (second == null) {
            return;
        }
        if (!second.fields().equals(first.fields())) {
            violations.add("decode of what encode wrote gives fields " + second.fields() + ", not " + first.fields()
                    + (overridesEquals(first.fields()) ? "" : " (" + first.fields().getClass().getName()
                            + " does not implement equals)"));
        }
        if (!Objects.equals(second.areasKey(), first.areasKey())) {
            violations.add("decode of what encode wrote declares areas in '" + second.areasKey() + "', not '"
                    + first.areasKey() + "'");
        }
        if (second.areaCount() != first.areaCount() || !second.namedAreas().equals(first.namedAreas())
                || !second.references().equals(first.references())) {
            violations.add("decode of what encode wrote declares " + declared(second) + ", not " + declared(first));
        }
        SampleStack stack = SampleStack.of(type, roles, second, again, len, flags, violations);
        RecordingSegmentWriter rewritten = stack == null ? null : encode(stack);
        if (rewritten != null && !rewritten.lines().equals(written.lines())) {
            violations.add("encode after decoding what encode wrote gives " + rewritten.lines() + ", not "
                    + written.lines());
        }
    }

    private static boolean overridesEquals(TypeFields fields) {
        try {
            return fields.getClass().getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String declared(DecodedSegment d) {
        return d.areaCount() + " areas " + d.namedAreas() + " and references " + d.references();
    }

    /** What reports, checks and tables ask of the segment and its LVs: answers, never exceptions. */
    private void views(SampleStack stack) {
        FakeSegment seg = stack.segment;
        String display = violations.call("displayName", () -> type.displayName(seg));
        if (display != null && display.isBlank()) {
            violations.add("displayName is blank");
        }
        Long stripe = violations.call("stripeSize", () -> type.stripeSize(seg));
        Long region = violations.call("regionSize", () -> type.regionSize(seg));
        if ((stripe != null && stripe < 0) || (region != null && region < 0)) {
            violations.add("stripeSize " + stripe + " or regionSize " + region + " is negative");
        }
        RecordingProblemSink problems = new RecordingProblemSink();
        if (violations.run("validate", () -> type.validate(seg, problems)) && problems.hasErrors()) {
            violations.add("validate finds errors in the sample: " + problems.problems());
        }
        if (type.has(SegmentCapability.CAN_SPLIT)) {
            long step = type.has(SegmentCapability.AREAS_STRIPED) ? Math.max(1, seg.areaCount()) : 1;
            if (seg.len() > step) {
                List<TypeFields> halves = violations.call("splitFields", () -> type.splitFields(seg, step));
                if (halves != null && (halves.size() != 2 || halves.stream().anyMatch(Objects::isNull))) {
                    violations.add("splitFields gives " + halves + ", not the fields of two halves");
                }
            }
        }
        violations.run("targetLine", () -> {
            if (type.targetLine(seg, stack.context()) == null) {
                violations.add("targetLine returns null, not an Optional");
            }
        });
        for (FakeLv lv : stack.lvs()) {
            violations.run("describe of " + lv, () -> type.describe(lv, new RecordingLvTraits()));
        }
    }

    /** The hook is told of every slot holding an LV, in the engine's order: areas, then roles. */
    private void link(SampleStack stack, LinkHook hook) {
        RecordingMarkEditor marks = new RecordingMarkEditor();
        for (Via via : stack.slots) {
            LinkEvent event = stack.segment.linkEvent(via);
            violations.run("linkHook.linked for " + via, () -> hook.linked(event, marks));
        }
    }

    /**
     * Each slot is released, last first, and the hook told. Afterwards no LV may keep a mark: the
     * engine would keep it on an LV that nothing uses any more.
     */
    private void unlink(SampleStack stack, LinkHook hook) {
        RecordingMarkEditor marks = new RecordingMarkEditor();
        List<Via> slots = stack.slots;
        for (int i = slots.size() - 1; i >= 0; i--) {
            Via via = slots.get(i);
            LinkEvent event = stack.segment.linkEvent(via);
            if (via instanceof Via.AreaSlot a) {
                stack.segment.releaseArea(a.index());
            } else {
                stack.segment.detach(((Via.RoleSlot) via).role());
            }
            violations.run("linkHook.unlinked for " + via, () -> hook.unlinked(event, marks));
        }
        for (FakeLv lv : stack.lvs()) {
            if (!lv.marks().isEmpty()) {
                violations.add("after every reference is released, " + lv + " keeps marks " + lv.marks()
                        + " (changes while unlinking: " + marks.changes() + ")");
            }
        }
    }
}
