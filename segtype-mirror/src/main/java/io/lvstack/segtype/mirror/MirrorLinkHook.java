package io.lvstack.segtype.mirror;

import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.link.Via;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvMark;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;

/**
 * Marks the LVs a mirror segment uses, as LVM2 does: a leg is an {@link MirrorMarks#IMAGE} while
 * a mirror segment holds it in an area, the log a {@link MirrorMarks#LOG} while a mirror segment
 * holds it as log.
 * A mark is cleared only when no mirror segment uses the LV that way any more. A mirror whose
 * first segment's first leg is a {@code _mimagetmp_N} layer is CONVERTING (LVM2's
 * {@code _is_converting}, which also goes by the name).
 */
final class MirrorLinkHook implements LinkHook {
    private final MirrorSegmentType type;

    MirrorLinkHook(MirrorSegmentType type) {
        this.type = type;
    }

    @Override
    public void linked(LinkEvent event, MarkEditor status) {
        status.set(event.used(), bitFor(event.via()));
        if (convertingLayer(event)) {
            status.set(event.user().lv(), MirrorMarks.CONVERTING);
        }
    }

    @Override
    public void unlinked(LinkEvent event, MarkEditor status) {
        LvMark bit = bitFor(event.via());
        if (!stillUsed(event.used(), bit)) {
            status.clear(event.used(), bit);
        }
        if (convertingLayer(event)) {
            status.clear(event.user().lv(), MirrorMarks.CONVERTING);
        }
    }

    private static boolean convertingLayer(LinkEvent event) {
        return event.via() instanceof Via.AreaSlot a && a.index() == 0
                && event.used().name().contains("_mimagetmp")
                && event.user().le() == 0;
    }

    private static LvMark bitFor(Via via) {
        return via instanceof Via.AreaSlot ? MirrorMarks.IMAGE : MirrorMarks.LOG;
    }

    private boolean stillUsed(LvView lv, LvMark bit) {
        for (SegmentView user : lv.users()) {
            if (user.type() != type) {
                continue;
            }
            if (bit.equals(MirrorMarks.LOG)) {
                if (user.reference(MirrorSegmentType.LOG).orElse(null) == lv) {
                    return true;
                }
            } else {
                for (int i = 0; i < user.areaCount(); i++) {
                    if (user.area(i).orElse(null) instanceof Area.OnLv l && l.lv() == lv) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
