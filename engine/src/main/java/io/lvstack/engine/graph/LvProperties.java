package io.lvstack.engine.graph;

/**
 * The scalar fields metadata stores about an LV besides name, id, status and tags (LVM2
 * {@code _read_lvnames}); null means absent. {@code readAhead} 0 is "auto" and -1 "none".
 */
public record LvProperties(Long creationTime, String creationHost, String lockArgs, String allocationPolicy,
        String profile, Long readAhead, Long major, Long minor) {

    public static final LvProperties NONE = new LvProperties(null, null, null, null, null, null, null, null);
}
