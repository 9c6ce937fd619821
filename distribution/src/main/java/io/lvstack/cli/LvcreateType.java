package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvSize;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.List;

/**
 * The segment type an lvcreate command line asks for, chosen in the order of LVM2's
 * {@code _lvcreate_params}, and LVM2's refusals when no loaded plugin provides it: lvstack then
 * answers as an LVM2 built without that type would (checked against LVM2 2.03.16).
 */
final class LvcreateType {
    /** What lvcreate makes; a loaded type outside these is refused as not supported. */
    static final List<String> CREATED = List.of("linear", "striped", "mirror");

    private LvcreateType() {
    }

    /** Whether the loaded type {@code name} makes its LVs itself (a pool, with its sub-LVs). */
    static boolean hasCreator(String name, SegmentTypeRegistry types) {
        io.lvstack.api.SegmentType t = types.byName(name);
        return t != null && t.creator().isPresent();
    }

    /**
     * The type's name: for {@code -m} without {@code --type} LVM2 2.03's {@code raid1}, or null
     * when no plugin provides it (left to the mirror checks).
     *
     * @param virtualSize {@code -V}/{@code --virtualsize} as typed, or null
     * @param origin      whether the position argument names an LV ({@code VG/LV}) rather than a VG
     * @throws CommandLineRefusal in LVM2's words, for an unknown type or a virtual size where the type takes none
     */
    static String of(String type, boolean snapshot, boolean thin, String thinPool, String virtualSize,
            Integer mirrors, boolean sized, boolean origin, SegmentTypeRegistry types) {
        if (type != null && types.byName(type) == null) {
            // LVM2's segtype_arg refuses the option's value while it parses the command line
            throw new CommandLineRefusal("Invalid argument for --type: " + type);
        }
        if (virtualSize != null) {
            checkVirtualSize(virtualSize);
            if (type != null && CREATED.contains(type)) {
                throw new CommandLineRefusal("Command does not accept option: --virtualsize " + virtualSize + ".");
            }
        }
        if (snapshot && virtualSize != null && origin) {
            // a thin LV of a virtual size is no snapshot of an origin
            throw new CommandLineRefusal("Command does not accept option: --snapshot.");
        }
        if (type != null) {
            return type;
        }
        String chosen = implied(snapshot, thin, thinPool, virtualSize, mirrors, sized);
        if (chosen == null && types.byName(MirrorArgs.MIRROR_SEGTYPE_DEFAULT) != null) {
            return MirrorArgs.MIRROR_SEGTYPE_DEFAULT;
        }
        if (chosen != null && types.byName(chosen) == null) {
            throw new CommandLineRefusal("Unable to create LV with unknown segment type " + chosen + ".");
        }
        return chosen;
    }

    /**
     * The type LVM2 reads from the other options, in its order: a COW snapshot (with a size), a
     * thin snapshot or clone (without), a thin pool ({@code -T} without a virtual size), thin, -m's,
     * striped.
     */
    private static String implied(boolean snapshot, boolean thin, String thinPool, String virtualSize,
            Integer mirrors, boolean sized) {
        if (snapshot && virtualSize == null) {
            return sized && thinPool == null ? "snapshot" : "thin";
        }
        if (thin && virtualSize == null && thinPool == null) {
            return "thin-pool";
        }
        if (thin || thinPool != null || virtualSize != null) {
            // a virtual size alone asks for global/sparse_segtype_default's type, thin
            return "thin";
        }
        return mirrors != null && mirrors > 0 ? null : "striped";
    }

    /** {@code size_mb_arg}: an unsigned size with an optional unit. */
    private static void checkVirtualSize(String text) {
        LvSize size;
        try {
            size = LvSize.ofSize(text);
        } catch (LvstackException e) {
            throw new CommandLineRefusal("Invalid argument for --virtualsize: " + text);
        }
        if (size.sign() != 0) {
            throw new CommandLineRefusal("Invalid argument for --virtualsize: " + text);
        }
    }
}
