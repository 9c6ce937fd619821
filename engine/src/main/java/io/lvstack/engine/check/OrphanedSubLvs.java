package io.lvstack.engine.check;

import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.UnknownReferences;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Hidden sub-LVs that nothing uses: what a write that removed a pool, a raid or a mirror but
 * not its parts leaves behind. LVM2 accepts such metadata, so this is lvstack's own rule.
 *
 * <p>A sub-LV is a hidden LV whose name holds one of LVM2's component strings
 * ({@code lib/misc/lvm-string.c}, {@code _lvname_has_reserved_component_string}, matched
 * anywhere in the name as {@code is_component_lvname} does), or {@code _vorigin}, the virtual
 * origin LVM2 removes with its sparse snapshot. {@code _pmspare} is left out, as LVM2 leaves it
 * out of its components: a pool metadata spare is used by no segment by design. "Uses" counts
 * the engine's links and the LV names segments of unknown types hold, so a mirror read without
 * its plugin keeps its images.
 */
final class OrphanedSubLvs {
    /** LVM2 2.03's component strings, and {@code _vorigin}. */
    private static final List<String> COMPONENTS = List.of("_cdata", "_cmeta", "_corig", "_cpool", "_cvol",
            "_wcorig", "_mimage", "_mlog", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata", "_imeta", "_iorig",
            "_vorigin");

    private OrphanedSubLvs() {
    }

    static List<Problem> problems(VolumeGroup vg) {
        List<Problem> out = new ArrayList<>();
        UnknownReferences refs = null;
        for (LogicalVolume lv : vg.lvs()) {
            if (lv.has(LvStatus.VISIBLE) || lv.userCount() > 0 || component(lv.name()) == null) {
                continue;
            }
            if (refs == null) {
                refs = UnknownReferences.of(vg);
            }
            if (refs.namedBy(lv).isEmpty()) {
                String name = VgChecker.printable(lv.fullName());
                out.add(Problem.error(name, "LV " + name + " is a hidden sub-LV (" + component(lv.name())
                        + ") that no segment uses: it is orphaned."));
            }
        }
        return out;
    }

    /** The component string {@code name} holds, or null. */
    static String component(String name) {
        for (String c : COMPONENTS) {
            if (name.contains(c)) {
                return c;
            }
        }
        return null;
    }
}
