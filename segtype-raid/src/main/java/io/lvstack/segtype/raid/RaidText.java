package io.lvstack.segtype.raid;

import io.lvstack.api.AfterNamesError;
import io.lvstack.api.MetadataException;
import io.lvstack.api.SegmentImportError;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import io.lvstack.api.LvstackException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LVM2's {@code _raid_text_import} and {@code _raid_text_export}, in its order and words. */
final class RaidText {
    static final long UINT32 = 0xFFFFFFFFL;

    private RaidText() {
    }

    static DecodedSegment decode(RaidLevel level, ConfigSection s) {
        boolean devices = s.has("device_count");
        boolean stripes = s.has("stripe_count");
        Long deviceCount = devices ? uint32(s, "device_count") : null;
        Long stripeCount = stripes ? uint32(s, "stripe_count") : null;
        if (deviceCount == null && stripeCount == null) {
            throw new MetadataException(s.line(), "Couldn't read 'device_count' or 'stripe_count' for segment '"
                    + s.key() + "'.");
        }
        if (deviceCount != null && stripeCount != null) {
            throw new MetadataException(s.line(), "Only one of 'device_count' and 'stripe_count' allowed for segment '"
                    + s.key() + "'.");
        }
        long areaCount = deviceCount != null ? deviceCount : stripeCount;
        long region = number(s, "region_size", false);
        long stripe = number(s, "stripe_size", false);
        long copies = number(s, "data_copies", true);
        long writebehind = number(s, "writebehind", false);
        long minRate = number(s, "min_recovery_rate", false);
        long maxRate = number(s, "max_recovery_rate", false);
        long offset = number(s, "data_offset", true);
        boolean offsetSet = s.has("data_offset") && offset == 0 && uint32(s, "data_offset") != null;
        String key = level.raid0Lvs() ? "raid0_lvs" : "raids";
        if (!s.has(key) || !(s.child(key).orElseThrow() instanceof ConfigEntry entry)) {
            throw new SegmentImportError(s.line(), "Couldn't find RAID array for");
        }
        List<ConfigValue> items = entry.value() instanceof ConfigValue.Array a ? a.elements() : List.of(entry.value());
        int line = s.lineOf(key);
        if (areaCount == 0) {
            throw new MetadataException(line, "No areas found for segment " + s.key());
        }
        if (areaCount > RaidSegmentType.MAX_AREAS) {
            throw new MetadataException(s.lineOf(devices ? "device_count" : "stripe_count"), "RAID segment "
                    + s.key() + " has " + areaCount + " areas; the kernel's raid target takes at most "
                    + RaidSegmentType.MAX_AREAS);
        }
        List<DecodedSegment.NamedArea> images = new ArrayList<>();
        Map<ReferenceRole, String> metas = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        int i = 0;
        int s0;
        for (s0 = 0; i < items.size() && s0 < areaCount; s0++) {
            String name = name(items.get(i++), s, line);
            read.add(name);
            if (name.contains("_rmeta_")) {
                metas.put(RaidSegmentType.META.at(s0), name);
                if (i >= items.size()) {
                    throw new AfterNamesError(line, "Missing data device in areas array for segment " + s.key() + ".",
                            read);
                }
                name = name(items.get(i++), s, line);
                read.add(name);
            }
            images.add(new DecodedSegment.NamedArea(name, 0));
        }
        if (i < items.size() || s0 < areaCount) {
            throw new AfterNamesError(line, "Incorrect number of areas in area array for segment '" + s.key() + "'.",
                    read);
        }
        RaidFields f = new RaidFields(region, stripe, copies, writebehind, minRate, maxRate, offset, offsetSet);
        return DecodedSegment.named(images, f, metas);
    }

    private static String name(ConfigValue v, ConfigSection s, int line) {
        if (v instanceof ConfigValue.Str str) {
            return str.value();
        }
        throw new MetadataException(line, "Bad volume name in areas array for segment " + s.key() + ".");
    }

    /** A uint32 key's value, null when it is no unsigned 32-bit integer. */
    private static Long uint32(ConfigSection s, String key) {
        if (s.child(key).orElse(null) instanceof ConfigEntry e && e.value() instanceof ConfigValue.Int i
                && i.value() >= 0 && i.value() <= UINT32) {
            return i.value();
        }
        return null;
    }

    /**
     * An optional number: 0 when absent; unreadable is an error, except for the two keys LVM2
     * silently reads as 0.
     */
    private static long number(ConfigSection s, String key, boolean lenient) {
        if (!s.has(key)) {
            return 0;
        }
        Long v = uint32(s, key);
        if (v == null) {
            if (lenient) {
                return 0;
            }
            throw new SegmentImportError(s.lineOf(key), "Couldn't read '" + key + "' for");
        }
        return v;
    }

    static void encode(RaidLevel level, SegmentView seg, SegmentWriter out) {
        RaidFields f = (RaidFields) seg.fields();
        if (level.raid0()) {
            out.integer("stripe_count", seg.areaCount());
            if (f.stripeSize() != 0) {
                out.integer("stripe_size", f.stripeSize());
            }
        } else {
            out.integer("device_count", seg.areaCount());
            if (level.family() == RaidLevel.Family.RAID10) {
                out.integer("data_copies", level.dataCopies(f, seg.areaCount()));
            }
            if (f.regionSize() != 0) {
                out.integer("region_size", f.regionSize());
            }
            if (f.stripeSize() != 0) {
                out.integer("stripe_size", f.stripeSize());
            }
            if (level.family() == RaidLevel.Family.RAID1 && f.writebehind() != 0) {
                out.integer("writebehind", f.writebehind());
            }
            if (f.minRecoveryRate() != 0) {
                out.integer("min_recovery_rate", f.minRecoveryRate());
            }
            if (f.maxRecoveryRate() != 0) {
                out.integer("max_recovery_rate", f.maxRecoveryRate());
            }
            if (f.dataOffset() != 0 || f.dataOffsetSet()) {
                out.integer("data_offset", f.dataOffset());
            }
        }
        List<String> names = new ArrayList<>();
        boolean pairs = false;
        for (int i = 0; i < seg.areaCount(); i++) {
            LvView meta = seg.reference(RaidSegmentType.META.at(i)).orElse(null);
            if (meta != null && !level.raid0Lvs()) {
                names.add(meta.name());
                pairs = true;
            }
            names.add(image(seg, i).name());
        }
        int perLine = pairs && names.size() == 2 * seg.areaCount() ? 2 : 1;
        if (pairs && perLine == 1) {
            throw new LvstackException("raid LV " + seg.lv().name() + " has metadata LVs for some images only,"
                    + " which lvstack does not write");
        }
        out.strings(level.raid0Lvs() ? "raid0_lvs" : "raids", names, perLine);
    }

    static LvView image(SegmentView seg, int i) {
        if (seg.area(i).orElse(null) instanceof Area.OnLv lv) {
            return lv.lv();
        }
        throw new LvstackException("RAID segment has non-RAID areas: area " + i + " of " + seg.lv().name()
                + " is no LV");
    }
}
