package io.lvstack.engine.report;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;

/**
 * The ten characters of {@code lv_attr}, as LVM2's {@code lv_attr_dup_with_info_and_seg_status}
 * computes them with activation off: state and open are {@code X} (unknown), and an image's
 * sync state cannot be known, so images show {@code I}.
 */
final class LvAttr {
    private LvAttr() {
    }

    static String of(LogicalVolume lv) {
        char[] a = new char[10];
        boolean pvmove = lv.has(LvStatus.PVMOVE);
        a[0] = volumeType(lv, pvmove);
        a[1] = pvmove ? '-' : lv.has(LvStatus.WRITE) ? 'w' : lv.has(LvStatus.READ) ? 'r' : '-';
        char alloc = allocation(lv.properties().allocationPolicy());
        a[2] = lv.has(LvStatus.LOCKED) ? Character.toUpperCase(alloc) : alloc;
        a[3] = lv.has(LvStatus.FIXED_MINOR) ? 'm' : '-';
        a[4] = 'X';
        a[5] = 'X';
        a[6] = targetType(lv, pvmove);
        a[7] = '-';
        a[8] = Partial.lv(lv) ? 'p' : '-';
        a[9] = lv.has(LvStatus.ACTIVATION_SKIP) ? 'k' : '-';
        return new String(a);
    }

    private static char volumeType(LogicalVolume lv, boolean pvmove) {
        if (pvmove) {
            return 'p';
        }
        if (lv.has(LvStatus.CONVERTING)) {
            return 'c';
        }
        if (lv.has(LvStatus.POOL_METADATA) || lv.has(LvStatus.CACHE_POOL_METADATA) || isPoolMetadataSpare(lv)) {
            return 'e';
        }
        if (lv.has(LvStatus.CACHE_POOL) || lv.has(LvStatus.CACHE_POOL_DATA)) {
            return 'C';
        }
        if (lv.has(LvStatus.MIRROR)) {
            return lv.has(LvStatus.NOTSYNCED) ? 'M' : 'm';
        }
        if (lv.has(LvStatus.VIRTUAL)) {
            return 'v';
        }
        if (lv.has(LvStatus.MIRROR_IMAGE)) {
            return 'I';
        }
        if (lv.has(LvStatus.MIRROR_LOG)) {
            return 'l';
        }
        return '-';
    }

    /** LVM2 makes a hidden LV whose name holds {@code _pmspare} the VG's pool-metadata spare. */
    private static boolean isPoolMetadataSpare(LogicalVolume lv) {
        return !lv.visible() && lv.name().contains("_pmspare");
    }

    private static char targetType(LogicalVolume lv, boolean pvmove) {
        if (lv.has(LvStatus.CACHE_POOL)) {
            return 'C';
        }
        if (pvmove || lv.has(LvStatus.MIRROR) || lv.has(LvStatus.MIRROR_IMAGE) || lv.has(LvStatus.MIRROR_LOG)) {
            return 'm';
        }
        for (Segment s : lv.segments()) {
            if (s.type().has(SegmentCapability.UNKNOWN)) {
                return 'u';
            }
        }
        return lv.has(LvStatus.VIRTUAL) ? 'v' : '-';
    }

    /** LVM2's {@code alloc_policy_char}; no policy stored means inherit. */
    private static char allocation(String policy) {
        if (policy == null) {
            return 'i';
        }
        return switch (policy) {
            case "contiguous" -> 'c';
            case "cling" -> 'l';
            case "cling_by_tags" -> 't';
            case "normal" -> 'n';
            case "anywhere" -> 'a';
            default -> 'i';
        };
    }
}
