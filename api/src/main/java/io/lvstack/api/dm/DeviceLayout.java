package io.lvstack.api.dm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The device-mapper devices an LV is made of when it is active, as a segment type declares them
 * through {@link io.lvstack.api.SegmentType#deviceLayout}: LVM2's layered devices. By default an
 * LV is one device, {@code VG-LV}, whose table is its own segments ({@link #standard()}). A type
 * may instead
 * <ul>
 *   <li>put layers below the LV's top device, each named {@code VG-LV-LAYER} ({@code -real},
 *       {@code -cow}, {@code -tpool}) and with a {@link DeviceTable} of its own, and give the top
 *       device a table it writes (an origin's {@code snapshot-origin} over its {@code -real}
 *       layer, which holds the origin's segments);</li>
 *   <li>say that the LV has no device at all ({@link #none()}: a snapshot's hidden
 *       {@code snapshotN}, a cache pool in use).</li>
 * </ul>
 * Another LV's table names a layer through {@link TargetContext#layerDevice}, the top device
 * through {@link TargetContext#lvDevice}. The engine loads every device after the devices its
 * table names. When tables are built for some LVs only, their devices are all loaded, and of
 * other LVs only the devices those tables name (a thin LV's external origin loads as its
 * {@code -real} layer while the origin's top device stays inactive).
 * (LVM2's {@code _corig}, {@code _tdata} and the like are LVs of their own in metadata, so they
 * are not layers: each is its own LV's top device.)
 *
 * @param top    the table of the top device {@code VG-LV}; empty when the LV has no device (then
 *               there are no layers either)
 * @param layers the layers below the top device, in the order they are loaded when nothing else
 *               orders them; their names differ
 * @since SPI 2.0
 */
public record DeviceLayout(Optional<DeviceTable> top, List<Layer> layers) {
    private static final DeviceLayout STANDARD = new DeviceLayout(Optional.of(DeviceTable.segments()), List.of());
    private static final DeviceLayout NONE = new DeviceLayout(Optional.empty(), List.of());

    public DeviceLayout {
        Objects.requireNonNull(top, "top");
        layers = List.copyOf(layers);
        if (top.isEmpty() && !layers.isEmpty()) {
            throw new IllegalArgumentException("an LV without a device has no layers either");
        }
        Set<String> names = new HashSet<>();
        int segments = top.filter(t -> t instanceof DeviceTable.Segments).isPresent() ? 1 : 0;
        for (Layer l : layers) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("two layers named " + l.name());
            }
            if (l.table() instanceof DeviceTable.Segments) {
                segments++;
            }
        }
        if (segments > 1) {
            throw new IllegalArgumentException("an LV's own segments make one device's table, not " + segments);
        }
    }

    /** One device, {@code VG-LV}, whose table is the LV's own segments: what every LV is by default. */
    public static DeviceLayout standard() {
        return STANDARD;
    }

    /** No device at all. */
    public static DeviceLayout none() {
        return NONE;
    }

    /** A top device with {@code table} and no layer yet. */
    public static DeviceLayout top(DeviceTable table) {
        return new DeviceLayout(Optional.of(table), List.of());
    }

    /** This layout with one more layer, loaded after the layers before it unless references say otherwise. */
    public DeviceLayout withLayer(String name, DeviceTable table) {
        List<Layer> more = new ArrayList<>(layers);
        more.add(new Layer(name, table));
        return new DeviceLayout(top, more);
    }

    /** Whether the LV has no device. */
    public boolean isNone() {
        return top.isEmpty();
    }

    /** The layer named {@code name}, if the layout has one. */
    public Optional<Layer> layer(String name) {
        for (Layer l : layers) {
            if (l.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * A device below an LV's top device, named {@code VG-LV-NAME} (every {@code -} inside a name
     * doubled, as in all device-mapper names).
     *
     * @param name  the layer's name without the dash: {@code real}, {@code cow}, {@code tpool};
     *              letters, digits and {@code _} only
     * @param table its table
     * @since SPI 2.0
     */
    public record Layer(String name, DeviceTable table) {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

        public Layer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("layer name '" + name + "': letters, digits and _ only");
            }
        }
    }
}
