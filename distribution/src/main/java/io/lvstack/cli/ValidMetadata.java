package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;

/**
 * LVM2 neither changes nor activates a VG that fails its validation (a duplicate LV id, a gap
 * between segments, a mirror image of the wrong size...); lvstack refuses the same, with the
 * checker's count and first error. Reading and reporting such a file stays possible.
 */
final class ValidMetadata {
    private ValidMetadata() {
    }

    /** @param doing what is refused, as in "refusing to {@code doing} metadata with 2 errors" */
    static void require(String file, VolumeGroup vg, String doing) {
        List<Problem> errors = Checker.check(vg).errors();
        if (!errors.isEmpty()) {
            Problem first = errors.get(0);
            throw new LvstackException(file + ": refusing to " + doing + " metadata with " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + " (lvstack check " + file + " lists "
                    + (errors.size() == 1 ? "it" : "them") + "); the first: " + first.where() + ": " + first.message());
        }
    }
}
