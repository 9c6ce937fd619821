package io.lvstack.engine.text;

/**
 * libdm's double-quote escaping ({@code dm_escape_double_quotes} and
 * {@code dm_unescape_double_quotes}): only {@code "} and {@code \} are escaped, and on reading
 * only {@code \"} and {@code \\} are undone; any other backslash pair stays as written.
 */
final class Escapes {
    private Escapes() {
    }

    static String unescape(String s) {
        int i = s.indexOf('\\');
        if (i < 0) {
            return s;
        }
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static void appendEscaped(String s, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
