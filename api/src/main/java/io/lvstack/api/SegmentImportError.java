package io.lvstack.api;

/**
 * A segment a type cannot read, in LVM2's {@code SEG_LOG_ERROR} form: the type gives the text
 * ({@code Unsupported value 0 for chunk_size}) and the line, and the engine, which knows the
 * segment and its LV, words it as LVM2 does: {@code TEXT segment KEY of logical volume LV.}.
 * @since SPI 2.0
 */
public final class SegmentImportError extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final String text;

    public SegmentImportError(int line, String text) {
        super(line, text);
        this.text = text;
    }

    /** The type's words, before the segment and its LV. */
    public String text() {
        return text;
    }

    /** LVM2's whole message for segment {@code segmentKey} of {@code lvName}. */
    public MetadataException located(String segmentKey, String lvName) {
        return new MetadataException(line(), text + " segment " + segmentKey + " of logical volume " + lvName + ".");
    }
}
