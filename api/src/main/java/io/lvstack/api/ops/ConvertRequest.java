package io.lvstack.api.ops;

import java.util.List;

/**
 * {@code lvconvert} as the engine hands it to a type's {@link LvConverter}: the options LVM2's
 * lvconvert has, read and checked as LVM2 reads them; a null option was not given.
 *
 * @param type         {@code --type}
 * @param mirrors      {@code -m} as typed ({@code 2}, {@code +1}, {@code -1})
 * @param mirrorLog    {@code --mirrorlog}
 * @param regionSize   {@code -R} in sectors
 * @param splitMirrors {@code --splitmirrors}
 * @param name         {@code -n} (the split-off LV's name)
 * @param candidates   the PV arguments
 * @param finish       {@code lvconvert VG/LV} alone, or lvstack's wish to finish at once what LVM2's
 *                     poll finishes later (a mirror's sync layer); false with {@code --no-collapse}
 * @since SPI 2.0
 */
public record ConvertRequest(String type, String mirrors, String mirrorLog, Long regionSize, Integer splitMirrors,
        String name, List<PvExtents> candidates, boolean finish) {
    public ConvertRequest {
        candidates = List.copyOf(candidates);
    }

    /** Nothing asked but to finish a conversion in progress. */
    public boolean finishOnly() {
        return type == null && mirrors == null && mirrorLog == null && splitMirrors == null;
    }
}
