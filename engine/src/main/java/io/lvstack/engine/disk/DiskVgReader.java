package io.lvstack.engine.disk;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.text.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a VG from the devices or images of its PVs, read-only, as LVM2's label scan and
 * {@code vg_read} do: every device's label and metadata areas are read and checked; the copies
 * of one VG are compared and the highest seqno wins (LVM2: "ignoring metadata seqno 2 on ... for
 * seqno 3 on ..."); PVs of that metadata are matched to devices by UUID, and those without one
 * are reported missing. Whatever can be read is used; what cannot is said, per device.
 */
public final class DiskVgReader {
    /** The name LVM2 shows for a PV whose device was not found. */
    public static final String UNKNOWN_DEVICE = "[unknown]";

    /** How {@link PvLabel} begins the reason for a device without any LVM2 label. */
    static final String NOT_A_PV = "not an LVM2 physical volume";
    /** How {@link DeviceFile} begins the reason for a device it could not open. */
    static final String CANNOT_READ = "cannot open";

    private final MetadataFormat format;
    private final ParseOptions limits;

    /** @param limits size and depth limits for the metadata texts (read in LVM2's on-disk form) */
    public DiskVgReader(MetadataFormat format, ParseOptions limits) {
        this.format = format;
        this.limits = ParseOptions.onDiskForm().withMaxBytes(limits.maxBytes()).withMaxDepth(limits.maxDepth());
    }

    /**
     * The devices and images directly in {@code dir} (not in subdirectories), by name: regular
     * files and block devices. Which of them are PVs is for {@link #read} to find out.
     */
    public static List<Path> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LvstackException(dir + ": not a directory to scan");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) || DeviceFile.isBlockDevice(p)).sorted().toList();
        } catch (IOException e) {
            throw new LvstackException(dir + ": cannot list: " + io.lvstack.engine.format.IoReason.of(e));
        }
    }

    /**
     * The VG on the devices {@code named} and {@code scanned}; {@code vgName} chooses one when they
     * hold several (null: there must be one). A scanned device without any LVM2 label is skipped
     * without a word, as a scan of a directory should, and one that cannot be opened is a
     * warning; for a named device both are errors, as is any damage on either.
     */
    public DiskVg read(List<Path> named, List<Path> scanned, String vgName) {
        return imported(select(named, scanned, vgName));
    }

    /**
     * The devices read and the metadata copy chosen, not yet imported.
     *
     * @param problems what reading the devices and comparing the copies found
     */
    public record Selection(MetadataCopy copy, List<PvDevice> devices, List<Problem> problems) {
        public Selection {
            devices = List.copyOf(devices);
            problems = List.copyOf(problems);
        }
    }

    /** Reads the devices and chooses the copy, as {@link #read} does, without importing it. */
    public Selection select(List<Path> named, List<Path> scanned, String vgName) {
        List<Problem> warnings = new ArrayList<>();
        List<PvDevice> devices = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path p : named) {
            if (seen.add(p.toAbsolutePath().normalize())) {
                paths.add(p);
                read(p, false, devices, warnings);
            }
        }
        for (Path p : scanned) {
            if (seen.add(p.toAbsolutePath().normalize())) {
                paths.add(p);
                read(p, true, devices, warnings);
            }
        }
        List<MetadataCopy> copies = chooseVg(devices, vgName, paths, warnings);
        return new Selection(newest(copies, warnings), devices, warnings);
    }

    /** Imports the chosen copy and binds its PVs to the devices read. */
    public DiskVg imported(Selection selection) {
        ImportedVg imported = format.read(selection.copy().parsed());
        List<Problem> problems = new ArrayList<>(selection.problems());
        Map<String, Path> found = bind(imported.vg(), selection.devices(), problems);
        return new DiskVg(imported, selection.copy(), found, problems);
    }

    private void read(Path p, boolean quietNonPv, List<PvDevice> devices, List<Problem> warnings) {
        try {
            PvDevice d = PvDevice.read(p, limits);
            devices.add(d);
            warnings.addAll(d.problems());
        } catch (DiskFormatException e) {
            if (!quietNonPv) {
                warnings.add(Problem.error(e.device().toString(), e.reason()));
            } else if (e.reason().startsWith(CANNOT_READ)) {
                // A scan meets devices it may not open (another user's disk): worth a word, not a failure.
                warnings.add(Problem.warning(e.device().toString(), e.reason()));
            } else if (!e.reason().startsWith(NOT_A_PV)) {
                warnings.add(Problem.error(e.device().toString(), e.reason()));
            }
        }
    }

    /** The copies of the one VG the devices hold (or of {@code vgName}). */
    private static List<MetadataCopy> chooseVg(List<PvDevice> devices, String vgName, List<Path> paths,
            List<Problem> warnings) {
        Map<String, List<MetadataCopy>> byVg = new LinkedHashMap<>();
        for (PvDevice d : devices) {
            for (MetadataCopy c : d.copies()) {
                byVg.computeIfAbsent(c.vgName() + " " + c.vgId(), k -> new ArrayList<>()).add(c);
            }
        }
        if (vgName != null) {
            byVg.values().removeIf(list -> !list.get(0).vgName().equals(vgName));
        }
        if (byVg.isEmpty()) {
            String problems = warnings.isEmpty() ? "" : " (" + String.join("; ", warnings.stream()
                    .map(w -> w.where() + ": " + w.message()).toList()) + ")";
            throw new LvstackException(vgName != null ? "Volume group \"" + vgName + "\" not found on the " + paths.size()
                    + " device(s) given" + problems : "no LVM2 metadata found on the " + paths.size() + " device(s) given"
                    + problems);
        }
        if (byVg.size() > 1) {
            List<String> vgs = new ArrayList<>();
            for (List<MetadataCopy> list : byVg.values()) {
                vgs.add(list.get(0).vgName() + " (" + String.join(", ", list.stream().map(c -> c.device().toString())
                        .distinct().toList()) + ")");
            }
            throw new LvstackException("the devices hold " + byVg.size() + " VGs: " + String.join(", ", vgs)
                    + "; choose one with --vg NAME");
        }
        return byVg.values().iterator().next();
    }

    /** The copy with the highest seqno (the first of equals); the others are named if they differ. */
    private static MetadataCopy newest(List<MetadataCopy> copies, List<Problem> warnings) {
        MetadataCopy best = copies.get(0);
        for (MetadataCopy c : copies) {
            if (c.seqno() > best.seqno()) {
                best = c;
            }
        }
        for (MetadataCopy c : copies) {
            if (c.seqno() < best.seqno()) {
                warnings.add(Problem.warning(c.where(), "ignoring metadata seqno " + c.seqno() + " for seqno "
                        + best.seqno() + " on " + best.where() + " for VG " + c.vgName() + "."));
            } else if (c != best && !Arrays.equals(c.bytes(), best.bytes())) {
                warnings.add(Problem.warning(c.where(), "metadata seqno " + c.seqno() + " of VG " + c.vgName()
                        + " differs from the copy with the same seqno on " + best.where() + "; using the latter"));
            }
        }
        return best;
    }

    /**
     * Matches the VG's PVs to devices by UUID and puts each found device in its PV's hint, as
     * LVM2 reports a PV by the device it is on; a PV without a device becomes {@code [unknown]}
     * and MISSING, as LVM2 marks it.
     */
    private static Map<String, Path> bind(VolumeGroup vg, List<PvDevice> devices, List<Problem> warnings) {
        Map<String, PvDevice> byUuid = new LinkedHashMap<>();
        for (PvDevice d : devices) {
            PvDevice first = byUuid.putIfAbsent(d.label().uuid(), d);
            if (first != null) {
                warnings.add(Problem.warning(d.path().toString(), "holds PV " + d.label().uuid() + " as " + first.path()
                        + " does; using " + first.path()));
            }
        }
        Map<String, Path> found = new LinkedHashMap<>();
        List<PhysicalVolume> pvs = vg.pvs();
        vg.load(editor -> {
            for (int i = 0; i < pvs.size(); i++) {
                PhysicalVolume pv = pvs.get(i);
                PvProperties p = pv.properties();
                PvDevice d = byUuid.remove(pv.id());
                if (d != null) {
                    found.put(pv.id(), d.path());
                    editor.setPvProperties(pv, p.withDevice(d.path().toString()));
                } else {
                    // LVM2's two warnings, in its words.
                    warnings.add(Problem.warning(vg.name(), "Couldn't find device with uuid " + pv.id() + "."));
                    warnings.add(Problem.warning(vg.name(), "VG " + vg.name() + " is missing PV " + pv.id()
                            + " (last written to " + (p.device() == null || p.device().isEmpty() ? "no device" : p.device())
                            + ")."));
                    List<String> flags = new ArrayList<>(p.flags());
                    if (!flags.contains("MISSING")) {
                        flags.add("MISSING");
                    }
                    editor.setPvProperties(pv, p.withDevice(UNKNOWN_DEVICE).withFlags(flags));
                }
            }
        });
        for (PvDevice d : byUuid.values()) {
            warnings.add(Problem.warning(d.path().toString(), "PV " + d.label().uuid() + " is not a PV of VG " + vg.name()
                    + "; skipped"));
        }
        return found;
    }
}
