package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;

/** LVM2's tag rules ({@code validate_tag}): up to 1024 characters of {@code [A-Za-z0-9_+.-/=!:&#]}, not starting with '-'. */
final class Tags {
    private Tags() {
    }

    static void check(String tag) {
        boolean ok = !tag.isEmpty() && tag.length() <= 1024 && tag.charAt(0) != '-';
        for (int i = 0; ok && i < tag.length(); i++) {
            char c = tag.charAt(i);
            ok = Character.isLetterOrDigit(c) && c < 128 || "_+.-/=!:&#".indexOf(c) >= 0;
        }
        if (!ok) {
            throw new LvstackException("Invalid argument for --addtag: " + tag);
        }
    }

    static java.util.List<String> add(java.util.List<String> tags, java.util.List<String> add) {
        java.util.List<String> out = new java.util.ArrayList<>(tags);
        for (String t : add) {
            check(t);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
