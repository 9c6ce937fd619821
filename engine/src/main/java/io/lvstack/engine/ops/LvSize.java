package io.lvstack.engine.ops;

import io.lvstack.api.ops.DisplaySize;
import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.PvRange;
import java.util.List;
import java.util.Locale;

/**
 * A size argument as LVM2 reads it: {@code -L} with a unit (default MiB, {@code b/s/k/m/g/t/p/e},
 * either case, binary multiples) or {@code -l} extents, optionally signed for relative changes.
 *
 * @param sign    '+', '-' or 0 for an absolute size
 * @param sectors the size in 512-byte sectors for {@code -L}, or -1
 * @param extents the extents for {@code -l}, or -1; the percentage for {@code -l N%WHAT}
 * @param percent what a percentage of extents is of ({@code -l 50%FREE}), or {@link Percent#NONE}
 */
public record LvSize(char sign, long sectors, long extents, Percent percent) {

    /** What {@code -l N%WHAT} counts: LVM2's {@code percent_type_t}. */
    public enum Percent {
        NONE, VG, FREE, PVS, ORIGIN
    }

    public LvSize(char sign, long sectors, long extents) {
        this(sign, sectors, extents, Percent.NONE);
    }

    /** {@code -L 40M}, {@code -L +24m}, {@code -L 1.5G}. */
    public static LvSize ofSize(String text) {
        String t = text.trim();
        char sign = signOf(t);
        String body = sign == 0 ? t : t.substring(1);
        char unit = 'm';
        if (!body.isEmpty() && Character.isLetter(body.charAt(body.length() - 1))) {
            unit = Character.toLowerCase(body.charAt(body.length() - 1));
            body = body.substring(0, body.length() - 1);
        }
        double value;
        try {
            value = Double.parseDouble(body);
        } catch (NumberFormatException e) {
            throw new LvstackException("Invalid argument for --size: " + text);
        }
        double bytes = switch (unit) {
            case 'b' -> value;
            case 's' -> value * 512;
            case 'k' -> value * 1024;
            case 'm' -> value * 1024 * 1024;
            case 'g' -> value * Math.pow(1024, 3);
            case 't' -> value * Math.pow(1024, 4);
            case 'p' -> value * Math.pow(1024, 5);
            case 'e' -> value * Math.pow(1024, 6);
            default -> throw new LvstackException("Invalid argument for --size: " + text);
        };
        if (value < 0) {
            throw new LvstackException("Invalid argument for --size: " + text);
        }
        // LVM2 counts sizes in sectors, rounding a partial sector up.
        return new LvSize(sign, (long) Math.ceil(bytes / 512), -1);
    }

    /** {@code -l 10}, {@code -l +5}, {@code -l 50%FREE} ({@code %VG}, {@code %PVS}, {@code %ORIGIN}). */
    public static LvSize ofExtents(String text) {
        String t = text.trim();
        char sign = signOf(t);
        String body = sign == 0 ? t : t.substring(1);
        Percent percent = Percent.NONE;
        int at = body.indexOf('%');
        if (at >= 0) {
            try {
                percent = Percent.valueOf(body.substring(at + 1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new LvstackException("Invalid argument for --extents: " + text);
            }
            if (percent == Percent.NONE) {
                throw new LvstackException("Invalid argument for --extents: " + text);
            }
            body = body.substring(0, at);
        }
        try {
            long v = Long.parseLong(body);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return new LvSize(sign, -1, v, percent);
        } catch (NumberFormatException e) {
            throw new LvstackException("Invalid argument for --extents: " + text);
        }
    }

    private static char signOf(String t) {
        return !t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-') ? t.charAt(0) : 0;
    }

    /**
     * This size with a percentage worked out ({@code percent_of_extents}, rounded down) of
     * {@code vg}'s extents, its free extents, or the extents of the PVs in {@code pvs} (every PV
     * when empty); {@code %ORIGIN} is left to the caller, who knows the origin. Counts only what
     * the percentage needs.
     */
    public LvSize inVg(VolumeGroup vg, List<PvRange> pvs) {
        long of = switch (percent) {
            case NONE, ORIGIN -> -1;
            case VG -> vg.extentCount();
            case FREE -> vg.freeCount();
            case PVS -> pvs.isEmpty() ? vg.extentCount()
                    : pvs.stream().map(PvRange::pv).distinct().mapToLong(pv -> pv.properties().peCount()).sum();
        };
        return of < 0 ? this : new LvSize(sign, -1, extents * of / 100, Percent.NONE);
    }

    /**
     * The extents this size asks for ({@code extents_from_size}): a size that is not a whole
     * number of extents is rounded up, and LVM2 says so in {@code messages}.
     */
    public long toExtents(long extentSize, List<String> messages) {
        requireNoPercent();
        if (extents >= 0) {
            return extents;
        }
        long s = toBoundary(extentSize, false);
        if (s != sectors) {
            messages.add("  Rounding up size to full physical extent " + DisplaySize.of(s));
        }
        return s / extentSize;
    }

    /**
     * The extents a resize asks for ({@code _lvresize_adjust_size}): a size that is not a whole
     * number of extents is rounded down when it is to be taken away ({@code -L -SIZE}), up
     * otherwise, and LVM2 says so in {@code messages}.
     */
    public long toResizeExtents(long extentSize, List<String> messages) {
        requireNoPercent();
        if (extents >= 0) {
            return extents;
        }
        long s = toBoundary(extentSize, sign == '-');
        if (s != sectors) {
            messages.add("  Rounding size to boundary between physical extents: " + DisplaySize.of(s) + ".");
        }
        return s / extentSize;
    }

    private void requireNoPercent() {
        if (percent != Percent.NONE) {
            throw new LvstackException("A percentage of " + percent + " is not supported with this command.");
        }
    }

    /** The size in sectors rounded to a whole number of extents, down or up. */
    private long toBoundary(long extentSize, boolean down) {
        long rest = sectors % extentSize;
        return rest == 0 ? sectors : down ? sectors - rest : sectors + extentSize - rest;
    }

    /** Zero, which LVM2's option parser refuses. */
    public boolean isZero() {
        return extents == 0 || sectors == 0;
    }

    @Override
    public String toString() {
        return (sign == 0 ? "" : String.valueOf(sign)) + (percent != Percent.NONE ? extents + "%" + percent
                : extents >= 0 ? extents + " extents"
                : String.format(Locale.ROOT, "%d sectors", sectors));
    }
}
