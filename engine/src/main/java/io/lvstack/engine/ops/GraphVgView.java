package io.lvstack.engine.ops;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import io.lvstack.api.model.VgView;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.List;
import java.util.Optional;

/** A VG as an operation of a plugin sees it: live, read-only. */
record GraphVgView(VolumeGroup vg) implements VgView {
    @Override
    public String name() {
        return vg.name();
    }

    @Override
    public long extentSize() {
        return vg.properties().extentSize();
    }

    @Override
    public List<? extends LvView> lvs() {
        return vg.lvs();
    }

    @Override
    public Optional<? extends LvView> lv(String name) {
        return Optional.ofNullable(vg.lv(name));
    }

    @Override
    public List<? extends PvView> pvs() {
        return vg.pvs();
    }

    @Override
    public long freeCount() {
        return vg.freeCount();
    }
}
