package io.lvstack.engine.dm;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.format.IoReason;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kernel device ({@code MAJOR:MINOR}) each PV is, as a user states it: entries
 * {@code PV=MAJOR:MINOR} on the command line, or a file of {@code PV MAJOR:MINOR} lines (the form
 * {@code lsblk -rno PATH,MAJ:MIN} prints). A PV is named by {@code pvN} (its name in metadata as
 * LVM2 writes it), its UUID, or its device path. A PV no entry names is given by its device hint.
 */
public final class DeviceMap {
    /** Device numbers as Linux keeps them: 12 bits of major, 20 of minor. */
    private static final long MAX_MAJOR = 4095;
    private static final long MAX_MINOR = (1 << 20) - 1;
    private static final Pattern NUMBER = Pattern.compile("([0-9]{1,9}):([0-9]{1,9})");
    /** A devices file is a few lines a disk; anything this big is not one. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    /** One mapping and where it was given ({@code --device pv0=8:16}, {@code devs.txt:3}). */
    public record Entry(String pv, String device, String where) {
    }

    /** Sources of entries, weakest first: a file, then the command line. */
    private final List<List<Entry>> layers;

    private DeviceMap(List<List<Entry>> layers) {
        this.layers = List.copyOf(layers);
    }

    private static DeviceMap of(List<Entry> entries) {
        return new DeviceMap(List.of(List.copyOf(entries)));
    }

    /** No mapping: every PV is given by its device hint. */
    public static DeviceMap hints() {
        return new DeviceMap(List.of());
    }

    /** This map, with {@code stronger}'s entries winning for the PVs both map (a file, then arguments). */
    public DeviceMap overriddenBy(DeviceMap stronger) {
        List<List<Entry>> all = new ArrayList<>(layers);
        all.addAll(stronger.layers);
        return new DeviceMap(all);
    }

    /** Entries {@code PV=MAJOR:MINOR} as given to {@code option}. */
    public static DeviceMap ofArguments(String option, List<String> arguments) {
        List<Entry> out = new ArrayList<>();
        for (String a : arguments) {
            String where = option + " " + a;
            int eq = a.lastIndexOf('=');
            if (eq <= 0) {
                throw new LvstackException(where + ": expected PV=MAJOR:MINOR (PV: pvN, a PV UUID or a device path)");
            }
            out.add(new Entry(a.substring(0, eq), number(a.substring(eq + 1), where), where));
        }
        return of(out);
    }

    /**
     * Reads a devices file: one {@code PV MAJOR:MINOR} (or {@code PV=MAJOR:MINOR}) a line; blank
     * lines and {@code #} comments are skipped.
     */
    public static DeviceMap read(Path file) {
        String text = readText(file);
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String[] words = line.split("\\s+");
            String pv;
            String device;
            if (words.length == 2) {
                pv = words[0];
                device = words[1];
            } else if (words.length == 1 && words[0].lastIndexOf('=') > 0) {
                pv = words[0].substring(0, words[0].lastIndexOf('='));
                device = words[0].substring(words[0].lastIndexOf('=') + 1);
            } else {
                throw new LvstackException(where + ": expected 'PV MAJOR:MINOR' (PV: pvN, a PV UUID or a device path), found '"
                        + line + "'");
            }
            out.add(new Entry(pv, number(device, where), where));
        }
        return of(out);
    }

    /**
     * The device each mapped PV of {@code vg} is. An entry naming a device path that is no PV's
     * hint is skipped (a devices file may list every disk of a host); an entry naming a pvN or a
     * UUID the VG does not have, and two different devices for one PV from one source, are errors.
     */
    public Map<PhysicalVolume, String> resolve(VolumeGroup vg) {
        Map<String, PhysicalVolume> byKey = new HashMap<>();
        List<PhysicalVolume> pvs = vg.pvs();
        for (int i = 0; i < pvs.size(); i++) {
            PhysicalVolume pv = pvs.get(i);
            byKey.put("pv" + i, pv);
            byKey.put(pv.id(), pv);
            if (!pv.device().isEmpty()) {
                byKey.putIfAbsent(pv.device(), pv);
            }
        }
        Map<PhysicalVolume, Entry> chosen = new IdentityHashMap<>();
        for (List<Entry> layer : layers) {
            chosen.putAll(resolve(vg, layer, byKey));
        }
        Map<PhysicalVolume, String> out = new LinkedHashMap<>();
        for (PhysicalVolume pv : pvs) {
            Entry e = chosen.get(pv);
            if (e != null) {
                out.put(pv, e.device());
            }
        }
        return out;
    }

    private static Map<PhysicalVolume, Entry> resolve(VolumeGroup vg, List<Entry> layer, Map<String, PhysicalVolume> byKey) {
        int pvCount = vg.pvs().size();
        Map<PhysicalVolume, Entry> chosen = new IdentityHashMap<>();
        for (Entry e : layer) {
            PhysicalVolume pv = byKey.get(e.pv());
            if (pv == null) {
                if (e.pv().startsWith("/")) {
                    continue;
                }
                throw new LvstackException(e.where() + ": VG " + vg.name() + " has no PV " + e.pv() + " (PVs are named "
                        + "pv0.." + "pv" + (pvCount - 1) + " as in the metadata, by UUID or by device path)");
            }
            Entry before = chosen.putIfAbsent(pv, e);
            if (before != null && !before.device().equals(e.device())) {
                throw new LvstackException(e.where() + ": " + e.pv() + " is already mapped to " + before.device()
                        + " by " + before.where());
            }
        }
        return chosen;
    }

    /** {@code MAJOR:MINOR}, checked against Linux's limits, without leading zeros. */
    static String number(String text, String where) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new LvstackException(where + ": '" + text + "' is not MAJOR:MINOR (two decimal numbers, as 8:16)");
        }
        long major = Long.parseLong(m.group(1));
        long minor = Long.parseLong(m.group(2));
        if (major > MAX_MAJOR || minor > MAX_MINOR) {
            throw new LvstackException(where + ": '" + text + "' is out of range (major 0-" + MAX_MAJOR + ", minor 0-"
                    + MAX_MINOR + ")");
        }
        return major + ":" + minor;
    }

    private static String readText(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new LvstackException(file + ": is a directory, not a devices file");
            }
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw new LvstackException(file + ": " + Files.size(file) + " bytes is too large for a devices file (at most "
                        + MAX_FILE_BYTES + ")");
            }
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new LvstackException(file + ": too large for a devices file (at most " + MAX_FILE_BYTES + " bytes)");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LvstackException(file + ": is not UTF-8 text, not a devices file");
        } catch (IOException e) {
            throw new LvstackException(file + ": cannot read: " + IoReason.of(e));
        }
    }
}
