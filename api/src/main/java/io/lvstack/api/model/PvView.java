package io.lvstack.api.model;

/** Read-only view of a physical volume, as segment types see it. */
public interface PvView {
    /** The PV UUID. */
    String id();

    /** The device hint ({@code /dev/loop4}), possibly empty. */
    String device();

    /** Sectors before the first extent. */
    long peStart();

    /** Number of physical extents. */
    long peCount();
}
