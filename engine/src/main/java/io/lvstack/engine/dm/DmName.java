package io.lvstack.engine.dm;

/**
 * Device-mapper names of LVs, as libdm's {@code dm_build_dm_name} forms them: {@code VG-LV}, or
 * {@code VG-LV-LAYER} for a layer below the LV's top device, each {@code -} inside the VG, LV
 * and layer names doubled, so the single dashes split them again.
 */
public final class DmName {
    private DmName() {
    }

    public static String of(String vg, String lv) {
        return quoteDashes(vg) + "-" + quoteDashes(lv);
    }

    /** The name of {@code lv}'s layer {@code layer}; an empty layer is the LV's top device. */
    public static String of(String vg, String lv, String layer) {
        return layer.isEmpty() ? of(vg, lv) : of(vg, lv) + "-" + quoteDashes(layer);
    }

    private static String quoteDashes(String name) {
        return name.indexOf('-') < 0 ? name : name.replace("-", "--");
    }
}
