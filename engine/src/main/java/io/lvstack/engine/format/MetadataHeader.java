package io.lvstack.engine.format;

/**
 * The header of a metadata text: the fields LVM2 reads ({@code description},
 * {@code creation_host}, {@code creation_time}), and the exact text that stood before the VG
 * section in a file-form source, so that writing a file back keeps its header lines unchanged.
 *
 * @param rawPrefix the source's text before the VG section, or null when there was none (an
 *                  on-disk text, or a VG made in memory)
 */
public record MetadataHeader(String description, String creationHost, Long creationTime, String rawPrefix) {

    /** A header for a newly written VG. */
    public static MetadataHeader fresh(String description, String host, long time) {
        return new MetadataHeader(description, host, time, null);
    }

    /** This header without the source's text, so it is generated anew. */
    public MetadataHeader regenerated() {
        return new MetadataHeader(description, creationHost, creationTime, null);
    }
}
