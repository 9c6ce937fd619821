package io.lvstack.testkit;

import io.lvstack.api.SegmentType;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fake stack around one decoded sample segment, made as the engine's import would make it:
 * the segment at LE 0 of an LV {@code lvol0} of its length, each area on a PV (a name such as
 * {@code pv0}, as LVM2 keys PVs) or on an LV of the name given, each role on an LV of the name
 * given, all linked. Used LVs are as long as their areas need (a role's LV one extent), PVs have
 * the device {@code /dev/NAME}, and every LV has a device in {@link #context()}.
 */
final class SampleStack {
    private static final Pattern PV_KEY = Pattern.compile("pv[0-9]+");

    final FakeLv owner;
    final FakeSegment segment;
    /** The LVs the segment uses, by name, in the order first used. */
    final Map<String, FakeLv> used = new LinkedHashMap<>();
    /** The slots holding an LV, in the order the engine links them: areas, then roles. */
    final List<Via> slots = new ArrayList<>();
    private final Map<String, FakePv> pvs = new LinkedHashMap<>();

    private SampleStack(FakeLv owner, FakeSegment segment) {
        this.owner = owner;
        this.segment = segment;
    }

    /**
     * The stack for {@code decoded}, read from {@code section}; null after noting a violation when
     * the section lacks the areas {@code decoded} declares.
     */
    static SampleStack of(SegmentType type, List<ReferenceRole> roles, DecodedSegment decoded, ConfigSection section,
            long len, Set<LvStatus> flags, Violations violations) {
        List<DecodedSegment.NamedArea> areas = areas(decoded, section, violations);
        if (areas == null) {
            return null;
        }
        FakeLv owner = FakeLv.named("lvol0").addStatus(LvStatus.READ, LvStatus.WRITE, LvStatus.VISIBLE)
                .addStatus(flags.toArray(LvStatus[]::new));
        SampleStack stack = new SampleStack(owner, owner.addSegment(type, decoded.fields(), len, decoded.areaCount()));
        long areaLen = stack.segment.areaLen();
        for (int i = 0; i < areas.size(); i++) {
            DecodedSegment.NamedArea a = areas.get(i);
            if (PV_KEY.matcher(a.name()).matches()) {
                FakePv pv = stack.pvs.computeIfAbsent(a.name(), n -> FakePv.named(n).setDevice("/dev/" + n));
                pv.setPeCount(Math.max(pv.peCount(), a.offset() + areaLen));
                stack.segment.setPvArea(i, pv, a.offset());
            } else {
                FakeLv lv = stack.lv(a.name());
                lv.setExtents(Math.max(lv.extentCount(), a.offset() + areaLen));
                stack.segment.setLvArea(i, lv, a.offset());
                stack.slots.add(Via.area(i));
            }
        }
        for (Map.Entry<ReferenceRole, String> ref : decoded.references().entrySet()) {
            if (roles.contains(ref.getKey())) { // an undeclared one is reported already
                FakeLv lv = stack.lv(ref.getValue());
                lv.setExtents(Math.max(lv.extentCount(), 1));
                stack.segment.attach(ref.getKey(), lv);
                stack.slots.add(Via.role(ref.getKey()));
            }
        }
        return stack;
    }

    private FakeLv lv(String name) {
        return used.computeIfAbsent(name, n -> FakeLv.named(n).addStatus(LvStatus.READ, LvStatus.WRITE));
    }

    /** The areas by name: named by the type, or read from the section's areas array as the engine reads it. */
    private static List<DecodedSegment.NamedArea> areas(DecodedSegment decoded, ConfigSection section,
            Violations violations) {
        if (!decoded.namedAreas().isEmpty() || decoded.areaCount() == 0) {
            return decoded.namedAreas();
        }
        String key = decoded.areasKey();
        List<ConfigValue> items = section.optList(key).orElse(null);
        if (items == null || items.size() != 2 * decoded.areaCount()) {
            violations.add("decode declares " + decoded.areaCount() + " areas in '" + key + "', but section '"
                    + section.key() + "' holds " + (items == null ? "no such array" : items.size() / 2 + " name/offset pairs"));
            return null;
        }
        List<DecodedSegment.NamedArea> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            if (!(items.get(i) instanceof ConfigValue.Str name) || !(items.get(i + 1) instanceof ConfigValue.Int offset)
                    || offset.value() < 0) {
                violations.add("'" + key + "' of section '" + section.key() + "' is no list of name/offset pairs");
                return null;
            }
            out.add(new DecodedSegment.NamedArea(name.value(), offset.value()));
        }
        return out;
    }

    /** The owner and the LVs it uses. */
    List<FakeLv> lvs() {
        List<FakeLv> all = new ArrayList<>();
        all.add(owner);
        all.addAll(used.values());
        return all;
    }

    /** A target context in which every PV and LV of the stack has a device. */
    FakeTargetContext context() {
        FakeTargetContext context = new FakeTargetContext();
        int minor = 0;
        for (FakeLv lv : lvs()) {
            context.mapLv(lv, "253:" + minor++);
        }
        return context;
    }
}
