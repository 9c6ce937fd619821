package io.lvstack.engine.report;

import io.lvstack.api.model.LvStatus;
import io.lvstack.api.report.LvTraits;
import io.lvstack.engine.graph.LogicalVolume;

/**
 * The ten characters of {@code lv_attr}, as LVM2's {@code lv_attr_dup_with_info_and_seg_status}
 * computes them with activation off: state and open are {@code X} (unknown). The volume type,
 * target type, zeroing and health characters come from the LV's {@link LvDescription}, that is
 * from the segment types; the rest from stored status and properties.
 */
final class LvAttr {
    private LvAttr() {
    }

    static String of(LogicalVolume lv, LvDescription d) {
        char[] a = new char[10];
        a[0] = d.attr(LvTraits.VOLUME_TYPE);
        a[1] = lv.has(LvStatus.PVMOVE) ? '-' : lv.has(LvStatus.WRITE) ? 'w' : lv.has(LvStatus.READ) ? 'r' : '-';
        char alloc = allocation(lv.properties().allocationPolicy());
        a[2] = lv.has(LvStatus.LOCKED) ? Character.toUpperCase(alloc) : alloc;
        a[3] = lv.has(LvStatus.FIXED_MINOR) ? 'm' : '-';
        a[4] = 'X';
        a[5] = 'X';
        a[6] = d.attr(LvTraits.TARGET_TYPE);
        a[7] = d.attr(LvTraits.ZERO);
        a[8] = Partial.lv(lv) ? 'p' : d.attr(LvTraits.HEALTH);
        a[9] = lv.has(LvStatus.ACTIVATION_SKIP) ? 'k' : '-';
        return new String(a);
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
