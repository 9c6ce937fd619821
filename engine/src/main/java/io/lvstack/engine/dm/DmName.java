package io.lvstack.engine.dm;

/**
 * Device-mapper names of LVs, as libdm's {@code dm_build_dm_name} forms them: {@code VG-LV},
 * each {@code -} inside the VG and LV names doubled, so the one single dash splits them again.
 */
public final class DmName {
    private DmName() {
    }

    public static String of(String vg, String lv) {
        return quoteDashes(vg) + "-" + quoteDashes(lv);
    }

    private static String quoteDashes(String name) {
        return name.indexOf('-') < 0 ? name : name.replace("-", "--");
    }
}
