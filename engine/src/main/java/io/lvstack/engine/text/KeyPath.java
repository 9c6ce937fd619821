package io.lvstack.engine.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys containing {@code /} are paths ({@code a/b = 1} puts {@code b} in section {@code a}).
 * Split as libdm's {@code _find_or_make_node} walks them: runs of slashes separate components
 * and leading slashes are skipped, so only the last component can come out empty.
 */
final class KeyPath {
    private KeyPath() {
    }

    /** The components of {@code key}, or null when it is a plain key (the common case). */
    static String[] split(String key) {
        if (key.indexOf('/') < 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int n = key.length();
        int i = 0;
        for (;;) {
            while (i < n && key.charAt(i) == '/') {
                i++;
            }
            int e = key.indexOf('/', i);
            if (e < 0) {
                parts.add(key.substring(i));
                return parts.toArray(new String[0]);
            }
            parts.add(key.substring(i, e));
            i = e;
        }
    }
}
