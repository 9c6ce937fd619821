package io.lvstack.api.text;

/**
 * Where a segment type writes its own fields of a segment section. The engine owns the layout
 * (indentation, comment columns, blank lines, the file and on-disk forms); the type only says
 * what to write, in order. The common fields ({@code start_extent}, {@code extent_count},
 * {@code type}, {@code tags}) are written by the engine before the type's own.
 */
public interface SegmentWriter {
    /** {@code key = value}. */
    void integer(String key, long value);

    /** {@code key = value  # comment} (LVM2's {@code # linear}). */
    void integer(String key, long value, String comment);

    /** {@code key = sectors  # 64 Kilobytes}: a size in sectors with LVM2's size comment. */
    void size(String key, long sectors);

    /** {@code key = "value"}, escaped. */
    void string(String key, String value);

    /** The segment's areas as {@code key = [ "pvN", pe, "lv", le, ... ]}, after a blank line. */
    void areas(String key);

    /**
     * An array of names, after a blank line: {@code key = [}, then {@code perLine} quoted values a
     * line separated by {@code ", "}, a comma after every line but the last, then {@code ]}; as
     * LVM2 writes raid's {@code raids} (2 a line: metadata LV, image LV) and {@code raid0_lvs}
     * (1 a line).
     * @since SPI 2.0
     */
    void strings(String key, java.util.List<String> values, int perLine);

    /**
     * Nodes kept verbatim, in libdm's compact form ({@code key=value}); used for segment types
     * lvstack does not know.
     */
    void verbatim(ConfigNode node);

    /**
     * A blank line, as LVM2's {@code outnl} (before a thin pool's first {@code messageN}).
     * @since SPI 2.0
     */
    void blankLine();

    /**
     * A subsection written as LVM2's {@code outf} writes one: {@code key {}, what {@code body}
     * writes one level deeper, then {@code }} (a thin pool's {@code message1 { create = "lv" }}).
     * @since SPI 2.0
     */
    void section(String key, java.util.function.Consumer<SegmentWriter> body);
}
