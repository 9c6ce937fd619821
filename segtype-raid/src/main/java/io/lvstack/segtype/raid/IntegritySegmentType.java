package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentImportError;
import io.lvstack.api.SegmentType;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.report.FieldValue;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LVM2's {@code integrity} segment type ({@code lib/integrity/integrity.c}), the layer
 * {@code --raidintegrity y} puts into each raid image: one area, the origin ({@code _iorig}) at
 * LE 0, and the {@link #META_DEV} ({@code _imeta}) holding the checksums.
 */
public final class IntegritySegmentType implements SegmentType {
    public static final String NAME = "integrity";
    /** The metadata device ({@code meta_dev = "lv"}). */
    public static final ReferenceRole META_DEV = ReferenceRole.of("meta_dev");
    private static final long UINT32 = 0xFFFFFFFFL;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return EnumSet.noneOf(SegmentCapability.class);
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return List.of(META_DEV);
    }

    /** LVM2's {@code _integrity_text_import}, in its order and words. */
    @Override
    public DecodedSegment decode(ConfigSection s, long extentCount) {
        if (!s.has("origin")) {
            throw error(s, "origin", "origin not specified in");
        }
        String origin = string(s, "origin");
        if (origin == null) {
            throw error(s, "origin", "origin must be a string in");
        }
        Long dataSectors = integer(s, "data_sectors", Long.MAX_VALUE);
        if (dataSectors == null) {
            throw error(s, "data_sectors", "integrity data_sectors must be set in");
        }
        String mode = string(s, "mode");
        if (mode == null) {
            throw error(s, "mode", "integrity mode must be set in");
        }
        if (mode.length() > 7) {
            throw error(s, "mode", "integrity mode invalid in");
        }
        Long tagSize = integer(s, "tag_size", UINT32);
        if (tagSize == null) {
            throw error(s, "tag_size", "integrity tag_size must be set in");
        }
        Long blockSize = integer(s, "block_size", UINT32);
        if (blockSize == null) {
            throw error(s, "block_size", "integrity block_size invalid in");
        }
        String hash = string(s, "internal_hash");
        if (hash == null) {
            throw error(s, "internal_hash", "integrity internal_hash must be set in");
        }
        String metaDev = null;
        if (s.has("meta_dev")) {
            metaDev = string(s, "meta_dev");
            if (metaDev == null) {
                throw error(s, "meta_dev", "meta_dev must be a string in");
            }
        }
        long recalculate = 0;
        if (s.has("recalculate")) {
            Long r = integer(s, "recalculate", UINT32);
            if (r == null) {
                throw error(s, "recalculate", "integrity recalculate error in");
            }
            recalculate = r;
        }
        IntegrityFields f = new IntegrityFields(dataSectors, mode, tagSize, blockSize, hash, recalculate,
                setting(s, "journal_sectors", UINT32), setting(s, "interleave_sectors", UINT32),
                setting(s, "buffer_sectors", UINT32), setting(s, "journal_watermark", UINT32),
                setting(s, "commit_time", UINT32), setting(s, "bitmap_flush_interval", UINT32),
                setting(s, "sectors_per_bit", Long.MAX_VALUE));
        return DecodedSegment.named(List.of(new DecodedSegment.NamedArea(origin, 0)), f,
                metaDev == null ? Map.of() : Map.of(META_DEV, metaDev));
    }

    @Override
    public String unresolvedArea(int index, String target, String segmentKey, String lvName) {
        return "Unknown LV specified for integrity origin " + target + " in segment " + segmentKey
                + " of logical volume " + lvName + ".";
    }

    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return "Unknown logical volume " + target + " specified for integrity in segment " + segmentKey
                + " of logical volume " + lvName + ".";
    }

    /** LVM2's {@code _integrity_text_export}. */
    @Override
    public void encode(SegmentView seg, SegmentWriter out) {
        IntegrityFields f = (IntegrityFields) seg.fields();
        out.string("origin", origin(seg).name());
        out.integer("data_sectors", f.dataSectors());
        out.string("mode", f.mode());
        out.integer("tag_size", f.tagSize());
        out.integer("block_size", f.blockSize());
        out.string("internal_hash", f.internalHash());
        seg.reference(META_DEV).ifPresent(m -> out.string("meta_dev", m.name()));
        if (f.recalculate() != 0) {
            out.integer("recalculate", f.recalculate());
        }
        optional(out, "journal_sectors", f.journalSectors());
        optional(out, "interleave_sectors", f.interleaveSectors());
        optional(out, "buffer_sectors", f.bufferSectors());
        optional(out, "journal_watermark", f.journalWatermark());
        optional(out, "commit_time", f.commitTime());
        if (f.bitmapFlushInterval() != null && f.bitmapFlushInterval() != 0) {
            out.integer("bitmap_flush_interval", f.bitmapFlushInterval());
        }
        if (f.sectorsPerBit() != null && f.sectorsPerBit() != 0) {
            out.integer("sectors_per_bit", f.sectorsPerBit());
        }
    }

    /**
     * LVM2's integrity reports: the integrity LV (a raid image) shows {@code integrity} and
     * {@code g} and names its origin; {@code _imeta} is a private {@code integrity,metadata} with
     * {@code e}; {@code _iorig} a private {@code integrity,origin,integrityorigin}.
     */
    @Override
    public void describe(LvView lv, LvTraits t) {
        if (!lv.segments().isEmpty() && lv.segments().get(0).type() instanceof IntegritySegmentType) {
            t.layout("integrity");
            t.attr(LvTraits.VOLUME_TYPE, 'g', 55);
            t.field("origin", new FieldValue.Lv(origin(lv.segments().get(0))));
        }
        if (lv.has(RaidMarks.INTEGRITY_METADATA)) {
            t.role("integrity");
            t.role("metadata");
            t.privateLv();
            t.attr(LvTraits.VOLUME_TYPE, 'e', 70);
        } else if (lv.has(RaidMarks.INTEGRITY_ORIGIN)) {
            t.role("integrity");
            t.role("origin");
            t.role("integrityorigin");
            t.privateLv();
        }
    }

    /**
     * The line LVM2 loads (libdm's {@code _integrity_emit_segment_line}):
     * {@code integrity ORIGIN 0 TAG_SIZE MODE #OPTIONS fix_padding block_size:N internal_hash:H}
     * then the metadata device, {@code recalculate} and each setting set; the 2.03.16 emitter
     * misspells {@code ineterleave_sectors}, and so does this line, since the kernel is given it.
     */
    @Override
    public Optional<String> targetLine(SegmentView seg, TargetContext context) {
        IntegrityFields f = (IntegrityFields) seg.fields();
        Optional<LvView> meta = seg.reference(META_DEV);
        StringBuilder opts = new StringBuilder();
        int count = 3;
        if (meta.isPresent()) {
            opts.append(" meta_device:").append(context.lvDevice(meta.get()));
            count++;
        }
        if (f.recalculate() != 0) {
            opts.append(" recalculate");
            count++;
        }
        count += option(opts, "journal_sectors", f.journalSectors());
        count += option(opts, "ineterleave_sectors", f.interleaveSectors());
        count += option(opts, "buffer_sectors", f.bufferSectors());
        count += option(opts, "journal_watermark", f.journalWatermark());
        count += option(opts, "commit_time", f.commitTime());
        count += option(opts, "bitmap_flush_interval", f.bitmapFlushInterval());
        count += option(opts, "sectors_per_bit", f.sectorsPerBit());
        return Optional.of("integrity " + context.lvDevice(origin(seg)) + " 0 " + f.tagSize() + " " + f.mode() + " "
                + count + " fix_padding block_size:" + f.blockSize() + " internal_hash:" + f.internalHash() + opts);
    }

    /** The part kept when lvreduce shortens an image: its data sectors follow its length. */
    @Override
    public List<TypeFields> splitFields(SegmentView segment, long offset) {
        IntegrityFields f = (IntegrityFields) segment.fields();
        long extentSize = segment.lv().extentSize();
        return List.of(f.withDataSectors(offset * extentSize),
                f.withDataSectors((segment.len() - offset) * extentSize));
    }

    @Override
    public Optional<LinkHook> linkHook() {
        return Optional.of(hook);
    }

    /** Marks the origin and the metadata device, and clears a mark no integrity segment still gives. */
    private final LinkHook hook = new LinkHook() {
        @Override
        public void linked(LinkEvent event, MarkEditor marks) {
            marks.set(event.used(), mark(event.via()));
        }

        @Override
        public void unlinked(LinkEvent event, MarkEditor marks) {
            LvMark mark = mark(event.via());
            for (SegmentView user : event.used().users()) {
                if (user != event.user() && user.type() instanceof IntegritySegmentType
                        && (mark.equals(RaidMarks.INTEGRITY_ORIGIN) ? origin(user) == event.used()
                                : user.reference(META_DEV).orElse(null) == event.used())) {
                    return;
                }
            }
            marks.clear(event.used(), mark);
        }
    };

    private static LvMark mark(Via via) {
        return via instanceof Via.AreaSlot ? RaidMarks.INTEGRITY_ORIGIN : RaidMarks.INTEGRITY_METADATA;
    }

    static LvView origin(SegmentView seg) {
        if (seg.areaCount() == 1 && seg.area(0).orElse(null) instanceof Area.OnLv lv) {
            return lv.lv();
        }
        throw new LvstackException("integrity LV " + seg.lv().name() + " has no origin LV in area 0,"
                + " which metadata cannot express");
    }

    private static int option(StringBuilder opts, String key, Long value) {
        if (value == null) {
            return 0;
        }
        opts.append(' ').append(key).append(':').append(value);
        return 1;
    }

    private static void optional(SegmentWriter out, String key, Long value) {
        if (value != null) {
            out.integer(key, value);
        }
    }

    private static Long setting(ConfigSection s, String key, long max) {
        if (!s.has(key)) {
            return null;
        }
        Long v = integer(s, key, max);
        if (v == null) {
            throw error(s, key, "Unknown integrity_setting in");
        }
        return v;
    }

    private static String string(ConfigSection s, String key) {
        return s.firstValue(key).orElse(null) instanceof ConfigValue.Str v ? v.value() : null;
    }

    private static Long integer(ConfigSection s, String key, long max) {
        return s.firstValue(key).orElse(null) instanceof ConfigValue.Int i && i.value() >= 0 && i.value() <= max ? i.value() : null;
    }

    private static SegmentImportError error(ConfigSection s, String key, String text) {
        return new SegmentImportError(s.has(key) ? s.lineOf(key) : s.line(), text);
    }
}
