package io.lvstack.segtype.raid;

import io.lvstack.api.SegmentType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's types, made once per provider call: an operation of one level makes segments of
 * another (a takeover, the integrity layer), and the engine takes only the registered objects.
 */
final class RaidTypes {
    private final Map<RaidLevel, RaidSegmentType> levels = new EnumMap<>(RaidLevel.class);
    private final IntegritySegmentType integrity = new IntegritySegmentType();

    RaidTypes() {
        for (RaidLevel level : RaidLevel.values()) {
            levels.put(level, new RaidSegmentType(level, this));
        }
    }

    RaidSegmentType level(RaidLevel level) {
        return levels.get(level);
    }

    IntegritySegmentType integrity() {
        return integrity;
    }

    List<SegmentType> all() {
        List<SegmentType> out = new ArrayList<>(levels.values());
        out.add(integrity);
        return out;
    }
}
