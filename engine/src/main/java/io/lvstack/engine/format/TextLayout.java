package io.lvstack.engine.format;

import java.nio.charset.StandardCharsets;

/**
 * The two renderings LVM2's exporter has for one tree ({@code export.c}): the file form, with
 * TAB indentation and aligned trailing comments, and the on-disk form, with neither. Blank
 * lines are the same in both.
 */
final class TextLayout {
    /** LVM2 never indents deeper than this ({@code MAX_INDENT}). */
    private static final int MAX_INDENT = 5;
    /** Comments are aligned to this many TAB stops when the text is short enough. */
    private static final int COMMENT_TAB = 6;

    private final StringBuilder out;
    private final boolean file;
    private int indent;

    TextLayout(StringBuilder out, boolean file) {
        this.out = out;
        this.file = file;
    }

    boolean fileForm() {
        return file;
    }

    /** One line of text. */
    void line(String text) {
        line(text, null);
    }

    /** One line with a trailing comment (dropped in the on-disk form). */
    void line(String text, String comment) {
        indentTo(indent);
        int start = out.length();
        out.append(text);
        comment(start, comment);
    }

    /** {@code key = value}, appended in place: the exporter writes hundreds of thousands of these. */
    void number(String key, long value) {
        indentTo(indent);
        out.append(key).append(" = ").append(value).append('\n');
    }

    /** {@code key = value} with a trailing comment (dropped in the on-disk form). */
    void number(String key, long value, String comment) {
        indentTo(indent);
        int start = out.length();
        out.append(key).append(" = ").append(value);
        comment(start, comment);
    }

    /** {@code key = "value"}, escaped. */
    void quoted(String key, String value) {
        quoted(key, value, null);
    }

    /** {@code key = "value"} with a trailing comment (dropped in the on-disk form). */
    void quoted(String key, String value, String comment) {
        indentTo(indent);
        int start = out.length();
        out.append(key).append(" = ");
        appendQuoted(out, value);
        comment(start, comment);
    }

    /** {@code key = ["a", "b"]}. */
    void strings(String key, Iterable<String> items) {
        indentTo(indent);
        out.append(key).append(" = [");
        boolean first = true;
        for (String s : items) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendQuoted(out, s);
        }
        out.append("]\n");
    }

    /** One element of an areas array: {@code "name", offset} and a comma unless it is the last. */
    void area(String name, long offset, boolean last) {
        indentTo(indent);
        appendQuoted(out, name);
        out.append(", ").append(offset);
        if (!last) {
            out.append(',');
        }
        out.append('\n');
    }

    /** {@code prefix + number {}, as {@code segment1 {}, and one level deeper. */
    void open(String prefix, int number) {
        indentTo(indent);
        out.append(prefix).append(number).append(" {\n");
        indent = Math.min(MAX_INDENT, indent + 1);
    }

    /** Ends a line that began at {@code start} (after its indentation) with {@code comment}. */
    private void comment(int start, String comment) {
        if (file && comment != null) {
            int i = (utf8Length(out, start) + 8 * indent) / 8 + 1;
            do {
                out.append('\t');
            } while (++i < COMMENT_TAB);
            out.append(comment);
        }
        out.append('\n');
    }

    /** {@code "s"} with {@code "} and {@code \} escaped ({@code dm_escape_double_quotes}). */
    private static StringBuilder appendQuoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"');
    }

    /** A line written as it was read (unknown segments), {@code extra} levels deeper than now. */
    void rawLine(String text, int extra) {
        if (text.isEmpty()) {
            blank();
            return;
        }
        indentTo(Math.min(MAX_INDENT, indent + extra));
        out.append(text).append('\n');
    }

    void blank() {
        out.append('\n');
    }

    /** {@code name {} and one level deeper. */
    void open(String name) {
        line(name + " {");
        indent = Math.min(MAX_INDENT, indent + 1);
    }

    /** One level up and {@code }}. */
    void close() {
        indent--;
        line("}");
    }

    /** One level deeper without an opening line (the elements of an areas array). */
    void push() {
        indent = Math.min(MAX_INDENT, indent + 1);
    }

    void pop() {
        indent--;
    }

    private void indentTo(int level) {
        if (file) {
            for (int i = 0; i < level; i++) {
                out.append('\t');
            }
        }
    }

    /** _out_with_comment_file counts the bytes printed: the UTF-8 length of the line so far. */
    private static int utf8Length(StringBuilder b, int start) {
        int n = 0;
        for (int i = start; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c < 0x80) {
                n++;
            } else {
                return n + b.substring(i).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** {@code "text"}, escaped: for lines with more than one value. */
    static String quote(String s) {
        return appendQuoted(new StringBuilder(s.length() + 2), s).toString();
    }
}
