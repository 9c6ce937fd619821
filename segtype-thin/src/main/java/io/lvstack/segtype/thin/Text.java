package io.lvstack.segtype.thin;

import io.lvstack.api.SegmentImportError;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import java.util.Optional;

/** Reading values as libdm's {@code dm_config_get_*} read them, with LVM2's {@code SEG_LOG_ERROR} words. */
final class Text {
    private Text() {
    }

    /** The string value of {@code key} ({@code dm_config_get_str}), or null. */
    static String string(ConfigSection s, String key) {
        return first(s, key) instanceof ConfigValue.Str v ? v.value() : null;
    }

    /** The integer value of {@code key} when it is one in 0..{@code max}, else null. */
    static Long integer(ConfigSection s, String key, long max) {
        if (first(s, key) instanceof ConfigValue.Int i && i.value() >= 0 && i.value() <= max) {
            return i.value();
        }
        return null;
    }

    static ConfigValue first(ConfigSection s, String key) {
        Optional<ConfigNode> n = s.child(key);
        if (n.isEmpty() || !(n.get() instanceof ConfigEntry e)) {
            return null;
        }
        if (e.value() instanceof ConfigValue.Array a) {
            return a.elements().isEmpty() ? null : a.elements().get(0);
        }
        return e.value();
    }

    /** LVM2's {@code SEG_LOG_ERROR} at the key's line: the engine adds the segment and its LV. */
    static SegmentImportError error(ConfigSection s, String key, String text) {
        int line = key != null && s.has(key) ? s.lineOf(key) : s.line();
        return new SegmentImportError(line, text);
    }
}
