package io.lvstack.testkit;

import io.lvstack.api.LvstackException;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvView;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TargetContext} for testing {@code targetLine} without an engine. Devices are named as
 * the engine names them: a PV area as {@code DEVICE pe_start+(pe+offset)*extent_size} with the
 * PV's device hint, an LV area as {@code LVDEVICE (le+offset)*extent_size} with the device the
 * test {@link #mapLv mapped} the LV to. A PV without a device hint, or an LV not mapped, is an
 * {@link LvstackException}, as in the engine.
 *
 * <p>Defaults: extent size 8192 sectors, monitoring on, nosync off. One context stands for one
 * LV's table: {@link #countInLv} counts across every call made on it. Not thread-safe.
 */
public final class FakeTargetContext implements TargetContext {
    private long extentSize = FakeLv.DEFAULT_EXTENT_SIZE;
    private boolean monitoring = true;
    private boolean nosync;
    private final Map<LvView, String> lvDevices = new IdentityHashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    public FakeTargetContext setExtentSize(long sectors) {
        if (sectors <= 0) {
            throw new IllegalArgumentException("extent size must be positive, not " + sectors);
        }
        extentSize = sectors;
        return this;
    }

    public FakeTargetContext setMonitoring(boolean on) {
        monitoring = on;
        return this;
    }

    public FakeTargetContext setNosync(boolean on) {
        nosync = on;
        return this;
    }

    /** Gives {@code lv} its own device ({@code 253:2}). */
    public FakeTargetContext mapLv(LvView lv, String device) {
        lvDevices.put(Objects.requireNonNull(lv, "lv"), Objects.requireNonNull(device, "device"));
        return this;
    }

    @Override
    public long extentSize() {
        return extentSize;
    }

    @Override
    public String device(Area area, long extentOffset) {
        if (area instanceof Area.OnPv on) {
            String hint = on.pv().device();
            if (hint.isEmpty()) {
                throw new LvstackException("uses PV " + on.pv().id() + ", which has no device hint");
            }
            return hint + " " + (on.pv().peStart() + (on.pe() + extentOffset) * extentSize);
        }
        Area.OnLv on = (Area.OnLv) area;
        return lvDevice(on.lv()) + " " + (on.le() + extentOffset) * extentSize;
    }

    /** {@code DEVICE-LAYER}, from the device {@link #mapLv} gave {@code lv}. */
    @Override
    public String layerDevice(LvView lv, String layer) {
        return lvDevice(lv) + "-" + layer;
    }

    @Override
    public String lvDevice(LvView lv) {
        String device = lvDevices.get(lv);
        if (device == null) {
            throw new LvstackException("names " + lv.name() + ", which is not loaded with it");
        }
        return device;
    }

    @Override
    public boolean monitoring() {
        return monitoring;
    }

    @Override
    public boolean nosync() {
        return nosync;
    }

    @Override
    public int countInLv(String key) {
        return counts.merge(key, 1, Integer::sum) - 1;
    }
}
