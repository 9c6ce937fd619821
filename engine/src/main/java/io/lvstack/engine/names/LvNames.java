package io.lvstack.engine.names;

import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;

/**
 * Names of new LVs as LVM2 makes them ({@code generate_lv_name} in {@code lib/metadata/lv_manip.c}):
 * for a pattern {@code PREFIX%d}, the highest index any LV of the VG already has plus one, not the
 * lowest gap. LVM2 reads the index with {@code sscanf}, so a name matches when it starts with the
 * prefix followed by an optionally signed decimal number, whatever follows the number:
 * {@code lvol3_mimage_0} counts as index 3 for {@code lvol%d}.
 */
public final class LvNames {
    private LvNames() {
    }

    /** {@code prefix} followed by the next free index: {@code lvol0}, {@code pvmove0}, {@code a_mimage_2}. */
    public static String next(VolumeGroup vg, String prefix) {
        return prefix + nextIndex(vg, prefix);
    }

    /** The index {@link #next} would use: the highest index found plus one, 0 when none is found. */
    public static int nextIndex(VolumeGroup vg, String prefix) {
        long high = -1;
        for (LogicalVolume lv : vg.lvs()) {
            Long i = index(lv.name(), prefix);
            if (i != null && i > high) {
                high = i;
            }
        }
        return Math.toIntExact(high + 1);
    }

    /** What {@code sscanf(name, "PREFIX%d", &i)} reads, or null when it converts nothing (or overflows an int). */
    static Long index(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return null;
        }
        int i = prefix.length();
        boolean negative = false;
        if (i < name.length() && (name.charAt(i) == '+' || name.charAt(i) == '-')) {
            negative = name.charAt(i) == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < name.length() && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
            value = value * 10 + (name.charAt(i) - '0');
            if (value > Integer.MAX_VALUE + 1L) {
                return null;
            }
            i++;
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        long v = negative ? -value : value;
        return v > Integer.MAX_VALUE ? null : v;
    }
}
