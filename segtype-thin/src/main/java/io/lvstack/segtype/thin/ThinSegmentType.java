package io.lvstack.segtype.thin;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.dm.DeviceTable;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.LvView;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code thin} segment type: a virtual segment with no areas, its pool, thin origin,
 * external origin and merge LV by role.
 */
public final class ThinSegmentType implements SegmentType {
    public static final String NAME = "thin";
    public static final ReferenceRole POOL = ReferenceRole.of("thin_pool");
    public static final ReferenceRole ORIGIN = ReferenceRole.of("origin");
    public static final ReferenceRole EXTERNAL = ReferenceRole.of("external_origin");
    public static final ReferenceRole MERGE = ReferenceRole.of("merge");
    /** {@code DM_THIN_MAX_DEVICE_ID}: 2^24 - 1. */
    static final long MAX_DEVICE_ID = (1L << 24) - 1;

    private final ThinCreator creator;
    private final ThinRemover remover = new ThinRemover();

    /** @param pool the thin-pool type registered with this one: what {@code lvcreate -L -V} makes a new pool of */
    public ThinSegmentType(ThinPoolSegmentType pool) {
        this.creator = new ThinCreator(pool);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.of(SegmentCapability.VIRTUAL);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(POOL, ORIGIN, EXTERNAL, MERGE);
    }

    @Override
    public Optional<LvCreator> creator() {
        return Optional.of(creator);
    }

    @Override
    public Optional<LvRemover> remover() {
        return Optional.of(remover);
    }

    /** {@code _thin_text_import}'s words for an LV it cannot find: {@code Unknown origin X in segment ...}. */
    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        String what = role.equals(POOL) ? "thin pool" : role.equals(MERGE) ? "merge lv"
                : role.equals(EXTERNAL) ? "external origin" : "origin";
        return "Unknown " + what + " " + target + " in segment " + segmentKey + " of logical volume " + lvName + ".";
    }

    /** LVM2's {@code _thin_text_import}, in its order and words. */
    @Override
    public DecodedSegment decode(ConfigSection s, long extentCount) {
        String pool = Text.string(s, "thin_pool");
        if (pool == null) {
            throw Text.error(s, "thin_pool", "Thin pool must be a string in");
        }
        Long tid = Text.integer(s, "transaction_id", Long.MAX_VALUE);
        if (tid == null) {
            throw Text.error(s, "transaction_id", "Could not read transaction_id for");
        }
        Map<ReferenceRole, String> refs = new LinkedHashMap<>();
        refs.put(POOL, pool);
        for (ReferenceRole r : List.of(ORIGIN, MERGE, EXTERNAL)) {
            if (s.has(r.name())) {
                String name = Text.string(s, r.name());
                if (name == null) {
                    throw Text.error(s, r.name(), (r == ORIGIN ? "Origin" : r == MERGE ? "Merge" : "External origin")
                            + " must be a string in");
                }
                refs.put(r, name);
            }
        }
        Long id = Text.integer(s, "device_id", 0xFFFFFFFFL);
        if (id == null) {
            throw Text.error(s, "device_id", "Could not read device_id for");
        }
        if (id > MAX_DEVICE_ID) {
            throw Text.error(s, "device_id", "Unsupported value " + id + " for device_id");
        }
        return new DecodedSegment(null, 0, new ThinFields(tid, id), refs);
    }

    /** LVM2's {@code _thin_text_export}: {@code thin_pool}, {@code transaction_id}, {@code device_id}, then the optional LVs. */
    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        ThinFields f = (ThinFields) segment.fields();
        out.string("thin_pool", segment.reference(POOL).orElseThrow(() -> new io.lvstack.api.LvstackException(
                "thin LV " + segment.lv().name() + " has no pool, which metadata cannot express")).name());
        out.integer("transaction_id", f.transactionId());
        out.integer("device_id", f.deviceId());
        segment.reference(EXTERNAL).ifPresent(o -> out.string("external_origin", o.name()));
        segment.reference(ORIGIN).ifPresent(o -> out.string("origin", o.name()));
        segment.reference(MERGE).ifPresent(o -> out.string("merge", o.name()));
    }

    /** LVM2's thin rules of {@code check_lv_segments} and {@code _check_lv_segment}. */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        if (segment.lv().segments().size() != 1) {
            problems.lvError("must have exactly one segment");
        }
        Optional<LvView> pool = segment.reference(POOL);
        if (pool.isEmpty()) {
            problems.error("is missing thin pool LV");
        } else if (ThinPoolSegmentType.poolSegment(pool.get()).isEmpty()) {
            problems.error("is not referencing thin pool LV");
        }
        if (((ThinFields) segment.fields()).deviceId() > MAX_DEVICE_ID) {
            problems.error("has too large device id");
        }
    }

    /**
     * LVM2's {@code _lv_layout_and_role_thin} and {@code lv_attr}: a thin LV is {@code thin,sparse},
     * {@code V} with target {@code t} and its pool's {@code z}, names its pool and its origin (or
     * else its external origin); an LV thin LVs take as origin is a thin origin, one they take as
     * external origin an {@code o} external origin.
     */
    @Override
    public void describe(LvView lv, LvTraits traits) {
        int thinOrigin = 0;
        int externalOrigin = 0;
        for (SegmentView user : lv.users()) {
            if (user.type() instanceof ThinSegmentType) {
                if (user.reference(ORIGIN).orElse(null) == lv) {
                    thinOrigin++;
                }
                if (user.reference(EXTERNAL).orElse(null) == lv) {
                    externalOrigin++;
                }
            }
        }
        SegmentView own = !lv.segments().isEmpty() && lv.segments().get(0).type() instanceof ThinSegmentType
                ? lv.segments().get(0) : null;
        if (own != null) {
            traits.layout("thin");
            traits.layout("sparse");
            traits.attr(LvTraits.VOLUME_TYPE, 'V', 35);
            traits.attr(LvTraits.TARGET_TYPE, 't', 60);
            own.reference(POOL).ifPresent(pool -> {
                traits.field("pool_lv", new FieldValue.Lv(pool));
                ThinPoolSegmentType.poolSegment(pool).ifPresent(ps -> {
                    if (((ThinPoolFields) ps.fields()).zeroNewBlocks()) {
                        traits.attr(LvTraits.ZERO, 'z', 10);
                    }
                });
            });
            Optional<LvView> origin = own.reference(ORIGIN).or(() -> own.reference(EXTERNAL));
            origin.ifPresent(o -> traits.field("origin", new FieldValue.Lv(o)));
        }
        if (thinOrigin > 0) {
            traits.role("origin");
            traits.role("thinorigin");
            if (thinOrigin > 1) {
                traits.role("multithinorigin");
            }
        }
        if (externalOrigin > 0) {
            traits.role("origin");
            traits.role("extthinorigin");
            if (externalOrigin > 1) {
                traits.role("multiextthinorigin");
            }
            traits.attr(LvTraits.VOLUME_TYPE, 'o', 80);
        }
        if (own != null && (own.reference(ORIGIN).isPresent() || own.reference(EXTERNAL).isPresent())) {
            traits.role("snapshot");
            traits.role("thinsnapshot");
        }
    }

    /** {@code thin <pool -tpool> <device_id> [<external origin -real>]}. */
    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        LvView pool = segment.reference(POOL).orElseThrow();
        String line = "thin " + (ThinPoolSegmentType.layered(pool)
                ? context.layerDevice(pool, ThinPoolSegmentType.TPOOL) : context.lvDevice(pool))
                + " " + ((ThinFields) segment.fields()).deviceId();
        Optional<LvView> external = segment.reference(EXTERNAL);
        if (external.isPresent()) {
            line += " " + context.layerDevice(external.get(), "real");
        }
        return Optional.of(line);
    }

    /** An external origin keeps its own segments on {@code -real} and is {@code linear} over it. */
    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        for (SegmentView user : lv.users()) {
            if (user.type() instanceof ThinSegmentType && user.reference(EXTERNAL).orElse(null) == lv) {
                return Optional.of(DeviceLayout.top(DeviceTable.line(lv.extentCount() * context.extentSize(),
                        "linear " + context.layerDevice(lv, "real") + " 0")).withLayer("real", DeviceTable.segments()));
            }
        }
        return Optional.empty();
    }
}
