package io.lvstack.segtype.virtual;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code error} or {@code zero} segment type ({@code lib/error/errseg.c},
 * {@code lib/zero/zero.c}): no areas and no fields of its own, so the LV is VIRTUAL; segments
 * split and merge freely (LVM2's {@code merge_segments} adds lengths without comparing tags),
 * and each maps to the device-mapper target of the same name, with no arguments. The engine
 * shows such LVs as LVM2 does ({@code vwi-XXv---}, layout {@code unknown}).
 */
final class VirtualSegmentType implements SegmentType {
    private static final Set<SegmentCapability> CAPABILITIES = EnumSet.of(SegmentCapability.VIRTUAL,
            SegmentCapability.CAN_SPLIT);

    private final String name;
    private final LvCreator creator = new VirtualCreator(this);

    /** @param name {@code error} or {@code zero}: the type's name and its target's */
    VirtualSegmentType(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return CAPABILITIES;
    }

    /** LVM2 writes nothing after {@code type}: the segment has no areas. */
    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        return DecodedSegment.of(null, 0, TypeFields.NONE);
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
    }

    /** LVM2's {@code _errseg_merge_segments}: lengths add, tags are not compared. */
    @Override
    public boolean canMerge(SegmentView first, SegmentView second) {
        return true;
    }

    /** A segment of no areas, as lvcreate and lvextend make it; none with areas. */
    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        return areaCount == 0 ? Optional.of(NewSegment.of(TypeFields.NONE)) : Optional.empty();
    }

    /** {@code lvcreate --type error|zero}: nothing to allocate. */
    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        return Optional.of(name);
    }
}
