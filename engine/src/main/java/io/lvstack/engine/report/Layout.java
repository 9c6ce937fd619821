package io.lvstack.engine.report;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lv_layout} and {@code lv_role}, as LVM2's {@code lv_layout_and_role} decides them for
 * the kinds of LV lvstack models: mirrors, their images and logs, pvmove, the pool-metadata
 * spare, and linear or striped LVs. The role list starts with {@code public} or {@code private}.
 */
final class Layout {
    private final List<String> layout = new ArrayList<>();
    private final List<String> role = new ArrayList<>();

    private Layout(LogicalVolume lv) {
        boolean isPublic = true;
        boolean pvmove = lv.has(LvStatus.PVMOVE);
        if (lv.has(LvStatus.MIRROR) || lv.has(LvStatus.MIRROR_IMAGE) || lv.has(LvStatus.MIRROR_LOG) || pvmove) {
            if (lv.has(LvStatus.MIRROR_IMAGE)) {
                role.add("mirror");
                role.add("image");
                isPublic = false;
            } else if (lv.has(LvStatus.MIRROR_LOG)) {
                role.add("mirror");
                role.add("log");
                if (lv.has(LvStatus.MIRRORED)) {
                    layout.add("mirror");
                }
                isPublic = false;
            } else if (pvmove) {
                role.add("pvmove");
                layout.add("mirror");
                isPublic = false;
            } else {
                layout.add("mirror");
            }
        }
        if (!lv.visible() && lv.name().contains("_pmspare")) {
            role.add("pool");
            role.add("spare");
            isPublic = false;
        }
        if (layout.isEmpty()) {
            boolean linear = false;
            boolean striped = false;
            for (Segment s : lv.segments()) {
                if (s.type().has(SegmentCapability.AREAS_STRIPED)) {
                    if (s.areaCount() == 1) {
                        linear = true;
                    } else {
                        striped = true;
                    }
                }
            }
            if (linear) {
                layout.add("linear");
            }
            if (striped) {
                layout.add("striped");
            }
            if (!linear && !striped) {
                layout.add("unknown");
            }
        }
        role.add(0, isPublic ? "public" : "private");
    }

    static String layout(LogicalVolume lv) {
        return String.join(",", new Layout(lv).layout);
    }

    static String role(LogicalVolume lv) {
        return String.join(",", new Layout(lv).role);
    }
}
