package io.lvstack.segtype.cache;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import java.util.Optional;

/** How LVM2 recognises the LVs a cache or writecache stands on, from the segments using them. */
final class Origins {
    private Origins() {
    }

    /**
     * LVM2's {@code lv_is_cache_origin} and {@code lv_is_writecache_origin}: {@code lv} has exactly
     * one user, a segment of {@code type} whose area 0 is {@code lv}; that segment.
     */
    static Optional<SegmentView> onlyUser(LvView lv, Class<? extends SegmentType> type) {
        if (lv.userCount() != 1) {
            return Optional.empty();
        }
        SegmentView user = lv.users().get(0);
        if (type.isInstance(user.type()) && user.areaCount() > 0
                && user.area(0).orElse(null) instanceof Area.OnLv on && on.lv() == lv) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** LVM2's {@code lv_is_writecache_cachevol}: a writecache segment holds {@code lv} as its cachevol. */
    static boolean usedAsWritecache(LvView lv) {
        for (SegmentView user : lv.users()) {
            if (user.type() instanceof WritecacheSegmentType
                    && user.reference(WritecacheSegmentType.CACHEVOL).orElse(null) == lv) {
                return true;
            }
        }
        return false;
    }
}
