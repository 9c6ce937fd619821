package io.lvstack.engine.graph;

import io.lvstack.api.model.PvView;

/** A physical volume of a VG with its extent map. Mutated only through {@link StackEditor}. */
public final class PhysicalVolume implements PvView {
    private final VolumeGroup vg;
    private PvProperties properties;
    private final PvExtentMap extents;

    PhysicalVolume(VolumeGroup vg, PvProperties properties) {
        this.vg = vg;
        this.properties = properties;
        this.extents = new PvExtentMap(this);
    }

    public VolumeGroup vg() {
        return vg;
    }

    public PvProperties properties() {
        return properties;
    }

    void properties(PvProperties p) {
        this.properties = p;
    }

    public PvExtentMap extents() {
        return extents;
    }

    @Override
    public String id() {
        return properties.id();
    }

    @Override
    public String device() {
        return properties.device() == null ? "" : properties.device();
    }

    @Override
    public long peStart() {
        return properties.peStart();
    }

    @Override
    public long peCount() {
        return properties.peCount();
    }

    /** The name messages use: the device hint, or the UUID when there is none. */
    public String name() {
        return properties.device() != null && !properties.device().isEmpty() ? properties.device() : properties.id();
    }

    @Override
    public String toString() {
        return "PV " + name();
    }
}
