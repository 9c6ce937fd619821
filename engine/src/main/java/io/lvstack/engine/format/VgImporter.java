package io.lvstack.engine.format;

import io.lvstack.api.MetadataException;
import io.lvstack.api.AfterNamesError;
import io.lvstack.api.SegmentImportError;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.text.ConfigEntry;
import io.lvstack.api.text.ConfigNode;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.ConfigValue;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.engine.Engine;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.check.VgChecker;
import io.lvstack.engine.graph.GraphException;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.LvProperties;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.PvProperties;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.StackEditor;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.segtype.GuardedSegmentType;
import io.lvstack.engine.segtype.PluginFailure;
import io.lvstack.engine.segtype.RawFields;
import io.lvstack.engine.segtype.UnknownSegmentType;
import io.lvstack.engine.text.ConfigDocument;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed metadata text into a volume group, as LVM2's {@code _read_vg} does
 * ({@code import_vsn1.c}): VG fields, PVs, LV names in a first pass so that areas may name LVs
 * that come later, then segments, then the roles (LVM2's {@code fixup_imported_mirrors}), then
 * the merging of adjacent compatible segments. Every reference is made through the
 * {@link StackEditor}, so the upward links are complete when it returns.
 */
final class VgImporter {
    private static final String CONTENTS = "Text Format Volume Group";
    private static final Set<String> COMMON_SEGMENT_KEYS = Set.of("type", "start_extent", "extent_count", "tags",
            "reshape_count", "data_copies");
    private static final Map<String, LvStatus> STORED_WORDS = storedWords();

    private final Engine engine;
    private final SourceText source;
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> unknownTypesWarned = new LinkedHashSet<>();
    private final Map<String, PhysicalVolume> pvKeys = new HashMap<>();
    private final List<Runnable> pendingRoles = new ArrayList<>();
    /** Null when every problem is fatal; otherwise where recoverable problems are collected. */
    private final List<Problem> problems;
    private final Set<VgChecker.SegmentArea> reported = new java.util.HashSet<>();

    /**
     * @param collect whether references that cannot be made (a name that resolves to nothing,
     *                extents another area owns, a cycle) are collected as problems, leaving the
     *                area or role empty, instead of failing the read
     */
    VgImporter(Engine engine, byte[] sourceBytes, boolean collect) {
        this.engine = engine;
        this.source = new SourceText(sourceBytes);
        this.problems = collect ? new ArrayList<>() : null;
    }

    /** The problems collected (empty when not collecting). */
    List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    /** Areas left unassigned because their reference was reported. */
    Set<VgChecker.SegmentArea> reportedAreas() {
        return reported;
    }

    /** A reference that cannot be made: fatal, or collected. */
    private void refuse(int line, String where, String message) {
        if (problems == null) {
            throw new MetadataException(line, where + ": " + message);
        }
        problems.add(Problem.error(where, message));
    }

    /**
     * The message of a refused graph change without the location it repeats: {@code PV ... are
     * already used by ...}, or {@code refusing the reference -> LV x: it would make a cycle ...}.
     */
    private static String detail(GraphException e, String location) {
        String m = e.getMessage();
        if (m.startsWith(location + ": ")) {
            return m.substring(location.length() + 2);
        }
        if (m.startsWith("refusing " + location + " ")) {
            return "refusing the reference " + m.substring(("refusing " + location + " ").length());
        }
        return m;
    }

    ImportedVg read(ConfigDocument doc) {
        checkHeader(doc);
        ConfigSection vgSec = doc.firstSection()
                .orElseThrow(() -> new MetadataException(0, "no volume group section found"));
        MetadataHeader header = new MetadataHeader(doc.value("description").map(VgImporter::str).orElse(null),
                doc.value("creation_host").map(VgImporter::str).orElse(null),
                doc.value("creation_time").filter(ConfigValue.Int.class::isInstance)
                        .map(v -> ((ConfigValue.Int) v).value()).orElse(null),
                vgSec.line() > 1 ? source.before(vgSec.line()) : null);
        VolumeGroup vg = engine.newVolumeGroup(vgSec.key(), vgProperties(vgSec));
        vg.load(ed -> {
            ConfigSection pvs = vgSec.section("physical_volumes")
                    .orElseThrow(() -> new MetadataException(vgSec.line(), "Couldn't find section 'physical_volumes' in volume group "
                            + vgSec.key() + "."));
            for (ConfigSection pv : pvs.sections()) {
                readPv(ed, pv);
            }
            Optional<ConfigSection> lvs = vgSec.section("logical_volumes");
            if (lvs.isPresent()) {
                List<ConfigSection> lvSections = lvs.get().sections();
                for (ConfigSection lv : lvSections) {
                    readLvName(ed, lv);
                }
                for (ConfigSection lv : lvSections) {
                    readSegments(ed, lv);
                }
                pendingRoles.forEach(Runnable::run);
                for (LogicalVolume lv : vg.lvs()) {
                    merge(ed, lv);
                }
            }
            if (vgSec.has("historical_logical_volumes")) {
                throw new MetadataException(vgSec.lineOf("historical_logical_volumes"),
                        "historical logical volumes are not supported by lvstack");
            }
        });
        return new ImportedVg(vg, header, warnings);
    }

    private static void checkHeader(ConfigDocument doc) {
        Optional<ConfigValue> contents = doc.value("contents");
        if (contents.isEmpty() || !(contents.get() instanceof ConfigValue.Str s) || !s.value().equals(CONTENTS)) {
            throw new MetadataException(0, "Can't process text format file - missing contents field \"" + CONTENTS
                    + "\".");
        }
        Optional<ConfigValue> version = doc.value("version");
        if (version.isEmpty() || !(version.get() instanceof ConfigValue.Int i) || i.value() != 1) {
            throw new MetadataException(0, "Can't process text format file - expected \"version = 1\".");
        }
    }

    private static String str(ConfigValue v) {
        return v instanceof ConfigValue.Str s ? s.value() : null;
    }

    private VgProperties vgProperties(ConfigSection vg) {
        String id = vg.requireString("id");
        long seqno = uint32(vg, "seqno", vg.requireInt("seqno"));
        Optional<String> format = vg.optString("format");
        if (format.isPresent() && !format.get().equals("lvm2")) {
            throw new MetadataException(vg.lineOf("format"), "Unrecognised format " + format.get()
                    + " for volume group " + vg.key() + ".");
        }
        Set<String> words = new LinkedHashSet<>(WordTable.VG.readStatus(vg.requireList("status"), vg.lineOf("status"),
                Set.of("PARTIAL")));
        vg.optList("flags").ifPresent(f -> words.addAll(WordTable.VG.readFlags(f, vg.lineOf("flags"),
                w -> warn(vg.lineOf("flags"), "unknown flag '" + w + "' of volume group " + vg.key() + " dropped"))));
        if (words.remove("WRITE_LOCKED")) {
            words.add("WRITE");
        }
        long extentSize = vg.requireInt("extent_size");
        if (extentSize <= 0) {
            throw new MetadataException(vg.lineOf("extent_size"), "extent_size must be positive, not " + extentSize);
        }
        String alloc = allocation(vg, false);
        return new VgProperties(id, seqno, "lvm2", WordTable.VG.statusWords(words), WordTable.VG.flagWords(words),
                tags(vg), vg.optString("system_id").orElse(null), vg.optString("lock_type").orElse(null),
                vg.optString("lock_args").orElse(null), extentSize, uint32(vg, "max_lv", vg.requireInt("max_lv")),
                uint32(vg, "max_pv", vg.requireInt("max_pv")), alloc, vg.optString("profile").orElse(null),
                vg.optInt("metadata_copies").orElse(0L));
    }

    /** The policy word, or null for the default (normal for a VG, inherit for an LV). */
    private String allocation(ConfigSection sec, boolean lv) {
        Optional<String> word = sec.optString("allocation_policy");
        if (word.isEmpty()) {
            return null;
        }
        String w = switch (word.get()) {
            case "contiguous", "cling", "normal", "anywhere", "inherit" -> word.get();
            case "cling_by_tags" -> "cling";
            case "next free" -> "normal";
            default -> {
                warn(sec.lineOf("allocation_policy"), "Unknown allocation policy " + word.get() + ": using normal");
                yield "normal";
            }
        };
        if (lv) {
            return w.equals("inherit") ? null : w;
        }
        return w.equals("normal") || w.equals("inherit") ? null : w;
    }

    private static List<String> tags(ConfigSection sec) {
        return sec.optStringList("tags").orElse(List.of());
    }

    private void readPv(StackEditor ed, ConfigSection pv) {
        String id = pv.requireString("id");
        Set<String> words = new LinkedHashSet<>(WordTable.PV.readStatus(pv.requireList("status"), pv.lineOf("status"),
                Set.of()));
        pv.optList("flags").ifPresent(f -> words.addAll(WordTable.PV.readFlags(f, pv.lineOf("flags"),
                w -> warn(pv.lineOf("flags"), "unknown flag '" + w + "' of physical volume " + pv.key() + " dropped"))));
        Long baStart = pv.optInt("ba_start").orElse(null);
        Long baSize = pv.optInt("ba_size").orElse(null);
        if ((baStart == null) != (baSize == null)) {
            throw new MetadataException(pv.line(), "Missing " + (baStart == null ? "ba_start" : "ba_size")
                    + " for physical volume " + pv.key() + ": ba_start and ba_size go together.");
        }
        PvProperties props = new PvProperties(id, pv.optString("device").orElse(null),
                pv.optString("device_id_type").orElse(null), pv.optString("device_id").orElse(null),
                WordTable.PV.statusWords(words), WordTable.PV.flagWords(words), tags(pv),
                pv.optInt("dev_size").orElse(null), uint64(pv, "pe_start", pv.requireInt("pe_start")),
                uint32(pv, "pe_count", pv.requireInt("pe_count")), baStart, baSize);
        if (pvKeys.containsKey(pv.key())) {
            throw new MetadataException(pv.line(), "Duplicate PV section " + pv.key());
        }
        try {
            pvKeys.put(pv.key(), ed.addPv(props));
        } catch (GraphException e) {
            throw new MetadataException(pv.line(), e.getMessage());
        }
    }

    private void readLvName(StackEditor ed, ConfigSection lv) {
        EnumSet<LvStatus> status = EnumSet.noneOf(LvStatus.class);
        int statusLine = lv.lineOf("status");
        for (String w : WordTable.strings(lv.requireList("status"), statusLine)) {
            LvStatus s = word(w);
            if (s == null || (s.kind() != LvStatus.Kind.STATUS && s.kind() != LvStatus.Kind.SEGTYPE
                    && s != LvStatus.CACHE_VOL)) {
                throw new MetadataException(statusLine, "Unknown status flag '" + w + "'.");
            }
            status.add(s);
        }
        lv.optList("flags").ifPresent(f -> {
            for (String w : WordTable.strings(f, lv.lineOf("flags"))) {
                LvStatus s = word(w);
                if (s != null && s.kind() == LvStatus.Kind.FLAG) {
                    status.add(s);
                } else {
                    warn(lv.lineOf("flags"), "unknown flag '" + w + "' of logical volume " + lv.key() + " dropped");
                }
            }
        });
        if (status.remove(LvStatus.WRITE_LOCKED)) {
            status.add(LvStatus.WRITE);
        }
        Long time = lv.optInt("creation_time").orElse(null);
        String host = lv.optString("creation_host").orElse(null);
        if ((time == null) != (host == null)) {
            throw new MetadataException(lv.line(), "Missing " + (time == null ? "creation_time" : "creation_host")
                    + " for logical volume " + lv.key() + ".");
        }
        Long major = null;
        Long minor = null;
        if (status.contains(LvStatus.FIXED_MINOR)) {
            minor = lv.optInt("minor").orElseThrow(() -> new MetadataException(lv.line(),
                    "Couldn't read minor number for logical volume " + lv.key() + "."));
            major = lv.optInt("major").orElse(null);
        }
        LvProperties props = new LvProperties(time, host, lv.optString("lock_args").orElse(null), allocation(lv, true),
                lv.optString("profile").orElse(null), lv.optInt("read_ahead").orElse(null), major, minor);
        try {
            ed.createLv(lv.key(), lv.requireString("id"), status, tags(lv), props);
        } catch (GraphException e) {
            throw new MetadataException(lv.line(), e.getMessage());
        }
    }

    private static LvStatus word(String w) {
        return STORED_WORDS.get(w);
    }

    /** The LV status bits by their word; the first bit wins a shared word. */
    private static Map<String, LvStatus> storedWords() {
        Map<String, LvStatus> words = new HashMap<>();
        for (LvStatus s : LvStatus.values()) {
            words.putIfAbsent(s.word(), s);
        }
        return Map.copyOf(words);
    }

    private void readSegments(StackEditor ed, ConfigSection lvSec) {
        LogicalVolume lv = ed.vg().lv(lvSec.key());
        List<ConfigSection> segs = lvSec.sections();
        long count = lvSec.requireInt("segment_count");
        if (count != segs.size()) {
            throw new MetadataException(lvSec.lineOf("segment_count"),
                    "segment_count and actual number of segments disagree for logical volume " + lvSec.key() + ".");
        }
        for (ConfigSection seg : segs) {
            readSegment(ed, lv, seg);
        }
    }

    private void readSegment(StackEditor ed, LogicalVolume lv, ConfigSection sec) {
        long le = uint32(sec, "start_extent", sec.requireInt("start_extent"));
        long len = uint32(sec, "extent_count", sec.requireInt("extent_count"));
        if (!(sec.value("type").orElse(null) instanceof ConfigValue.Str typeValue)) {
            throw new MetadataException(sec.lineOf("type"), "Segment type must be a string.");
        }
        String typeName = typeName(ed, lv, sec, typeValue.value());
        SegmentType type;
        GuardedSegmentType handler = null;
        DecodedSegment decoded;
        try {
            type = engine.segmentTypes().forSection(typeName, sec);
            if (type instanceof UnknownSegmentType && unknownTypesWarned.add(typeName)) {
                warn(sec.lineOf("type"), "WARNING: Unrecognised segment type " + typeName);
            }
            handler = engine.segmentTypes().guard(type);
            decoded = handler.decode(sec, len, lv.name());
        } catch (SegmentImportError e) {
            throw e.located(sec.key(), lv.name());
        } catch (AfterNamesError e) {
            throw namesFirst(ed, lv, sec, handler, e);
        } catch (PluginFailure e) {
            // A plugin's bug while reading: located at its segment; the half-read VG is dropped.
            MetadataException located = new MetadataException(sec.line(), e.getMessage());
            located.initCause(e);
            throw located;
        }
        GuardedSegmentType guard = handler;
        Segment segment;
        try {
            segment = ed.addSegment(lv, guard, type instanceof UnknownSegmentType
                    ? new RawFields(((RawFields) decoded.fields()).nodes(), sourceLines(sec)) : decoded.fields(),
                    le, len, decoded.areaCount(), tags(sec));
        } catch (GraphException e) {
            throw new MetadataException(sec.line(), e.getMessage());
        }
        if (sec.has("reshape_count")) {
            ed.setReshapeLen(segment, uint32(sec, "reshape_count", sec.requireInt("reshape_count")));
        }
        if (!decoded.namedAreas().isEmpty()) {
            for (int i = 0; i < decoded.namedAreas().size(); i++) {
                DecodedSegment.NamedArea a = decoded.namedAreas().get(i);
                setArea(ed, lv, sec, segment, i, a.name(), a.offset(), sec.line(), guard);
            }
        } else if (decoded.areaCount() > 0) {
            readAreas(ed, lv, sec, segment, decoded);
        }
        for (Map.Entry<ReferenceRole, String> ref : decoded.references().entrySet()) {
            ReferenceRole role = ref.getKey();
            String name = ref.getValue();
            pendingRoles.add(() -> {
                LogicalVolume target = ed.vg().lv(lvName(name));
                if (target == null) {
                    refuse(sec.line(), roleName(lv, segment, role), guard.unresolvedReference(role, name, sec.key(),
                            lv.name()));
                    return;
                }
                try {
                    ed.attach(segment, role, target);
                } catch (GraphException e) {
                    refuse(sec.line(), roleName(lv, segment, role), detail(e, segment.describe() + " " + role.name()));
                }
            });
        }
    }

    /**
     * The first name the type read before its error that is no LV or PV, in the type's words for
     * an unresolved area, as LVM2 finds it while reading; else the error itself.
     */
    private MetadataException namesFirst(StackEditor ed, LogicalVolume lv, ConfigSection sec,
            GuardedSegmentType handler, AfterNamesError e) {
        for (int i = 0; i < e.names().size(); i++) {
            String name = e.names().get(i);
            if (!pvKeys.containsKey(name) && ed.vg().lv(lvName(name)) == null) {
                return new MetadataException(sec.line(), handler.unresolvedArea(i, name, sec.key(), lv.name()));
            }
        }
        return e;
    }

    /** Strips {@code +FLAG} suffixes that name LV status bits, as LVM2's {@code read_segtype_lvflags}. */
    private String typeName(StackEditor ed, LogicalVolume lv, ConfigSection sec, String full) {
        int plus = full.indexOf('+');
        if (plus < 0) {
            return full;
        }
        List<LvStatus> bits = new ArrayList<>();
        for (String w : full.substring(plus + 1).split("\\+", -1)) {
            LvStatus s = word(w);
            if (s == null || s.kind() != LvStatus.Kind.SEGTYPE) {
                warn(sec.lineOf("type"), "WARNING: Unrecognised flag " + w + " in segment type " + full + ".");
                return full;
            }
            bits.add(s);
        }
        bits.forEach(b -> ed.setStatus(lv, b, true));
        return full.substring(0, plus);
    }

    private void readAreas(StackEditor ed, LogicalVolume lv, ConfigSection sec, Segment segment,
            DecodedSegment decoded) {
        String key = decoded.areasKey();
        int line = sec.lineOf(key);
        List<ConfigValue> items = sec.optList(key).orElseThrow(() -> new MetadataException(sec.line(),
                "Couldn't find " + key + " array for segment " + sec.key() + " of logical volume " + lv.name() + "."));
        if (items.size() != 2 * decoded.areaCount()) {
            throw new MetadataException(line, "Incorrect number of areas in area array for segment " + sec.key()
                    + " of logical volume " + lv.name() + ": " + items.size() / 2 + " for " + decoded.areaCount() + ".");
        }
        for (int i = 0; i < decoded.areaCount(); i++) {
            if (!(items.get(2 * i) instanceof ConfigValue.Str name)) {
                throw new MetadataException(line, "Bad volume name in areas array for segment " + sec.key()
                        + " of logical volume " + lv.name() + ".");
            }
            if (!(items.get(2 * i + 1) instanceof ConfigValue.Int offset) || offset.value() < 0) {
                throw new MetadataException(line, "Bad offset in areas array for segment " + sec.key()
                        + " of logical volume " + lv.name() + ".");
            }
            setArea(ed, lv, sec, segment, i, name.value(), offset.value(), line, null);
        }
    }

    /**
     * Points area {@code i} at a PV (by section key) or an LV (by name), or reports why not: in
     * {@code namedBy}'s words when the type named the area in its own fields.
     */
    private void setArea(StackEditor ed, LogicalVolume lv, ConfigSection sec, Segment segment, int i, String name,
            long offset, int line, GuardedSegmentType namedBy) {
        try {
            PhysicalVolume pv = pvKeys.get(name);
            if (pv != null) {
                ed.setPvArea(segment, i, pv, offset);
                return;
            }
            LogicalVolume target = ed.vg().lv(lvName(name));
            if (target == null) {
                reported.add(new VgChecker.SegmentArea(segment, i));
                refuse(line, areaName(lv, segment, i), namedBy != null
                        ? namedBy.unresolvedArea(i, name, sec.key(), lv.name())
                        : "Couldn't find volume '" + name + "' for segment '" + sec.key() + "'.");
                return;
            }
            ed.setLvArea(segment, i, target, offset);
        } catch (GraphException e) {
            reported.add(new VgChecker.SegmentArea(segment, i));
            refuse(line, areaName(lv, segment, i), detail(e, segment.describe() + " area " + i));
        }
    }

    /** How a problem names a role reference; built only when there is a problem to report. */
    private static String roleName(LogicalVolume lv, Segment segment, ReferenceRole role) {
        return lv.fullName() + " segment " + segment.number() + " " + role.name();
    }

    /** How a problem names an area; built only when there is a problem to report. */
    private static String areaName(LogicalVolume lv, Segment segment, int i) {
        return lv.fullName() + " segment " + segment.number() + " area " + i;
    }

    /** LVM2's {@code find_lv} uses the part after the last {@code /}. */
    private static String lvName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /**
     * The source lines of an unknown segment's own fields, when they can be cut out cleanly:
     * they follow every common field and end on the line before the segment's closing brace,
     * which stands alone.
     */
    private List<RawFields.SourceLine> sourceLines(ConfigSection sec) {
        int first = Integer.MAX_VALUE;
        int lastCommon = 0;
        for (ConfigNode n : sec.children()) {
            if (COMMON_SEGMENT_KEYS.contains(n.key())) {
                lastCommon = Math.max(lastCommon, n.line());
            } else {
                first = Math.min(first, n.line());
            }
        }
        int end = sec.endLine();
        String closing = source.line(end);
        if (first == Integer.MAX_VALUE || first <= lastCommon || end <= first || closing == null
                || !closing.strip().equals("}")) {
            return List.of();
        }
        String firstLine = source.line(first);
        int base = leadingTabs(firstLine);
        List<RawFields.SourceLine> out = new ArrayList<>();
        for (int n = first; n < end; n++) {
            String text = source.line(n);
            if (text.isBlank()) {
                out.add(new RawFields.SourceLine(0, ""));
                continue;
            }
            out.add(new RawFields.SourceLine(Math.max(0, leadingTabs(text) - base), text.strip()));
        }
        return out;
    }

    private static int leadingTabs(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == '\t') {
            n++;
        }
        return n;
    }

    private static boolean canMerge(Segment a, Segment b) {
        return a.handler().canMerge(a, b);
    }

    /** Merges adjacent compatible segments, as {@code lv_merge_segments} does after reading. */
    private static void merge(StackEditor ed, LogicalVolume lv) {
        if (lv.has(LvStatus.LOCKED) || lv.has(LvStatus.PVMOVE) || parentLockedOrPvmove(lv)) {
            return;
        }
        List<Segment> segs = lv.segments();
        int i = 0;
        while (i + 1 < segs.size()) {
            Segment a = segs.get(i);
            Segment b = segs.get(i + 1);
            if (a.type() == b.type() && a.areaCount() == b.areaCount() && a.le() + a.len() == b.le()
                    && allOnPv(a) && allOnPv(b) && canMerge(a, b)) {
                ed.mergeSegments(a, b);
                segs = lv.segments();
            } else {
                i++;
            }
        }
    }

    private static boolean allOnPv(Segment s) {
        for (int i = 0; i < s.areaCount(); i++) {
            if (!(s.areaOrNull(i) instanceof io.lvstack.api.model.Area.OnPv)) {
                return false;
            }
        }
        return s.areaCount() > 0;
    }

    /**
     * Components (LVM2 tests mirror images; a component here is whatever a type marks as one) whose
     * user is locked or a pvmove keep their boundaries.
     */
    private static boolean parentLockedOrPvmove(LogicalVolume lv) {
        if (!lv.component()) {
            return false;
        }
        Segment user = io.lvstack.engine.graph.Stack.onlyUserOrNull(lv);
        return user != null && (user.lv().has(LvStatus.LOCKED) || user.lv().has(LvStatus.PVMOVE));
    }

    private static long uint32(ConfigSection sec, String key, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new MetadataException(sec.lineOf(key), "'" + key + "' in section '" + sec.key() + "' is " + value
                    + ", outside 0.." + 0xFFFFFFFFL);
        }
        return value;
    }

    /** A uint64 field: config integers are signed 64-bit, so only a negative value is out of range. */
    private static long uint64(ConfigSection sec, String key, long value) {
        if (value < 0) {
            throw new MetadataException(sec.lineOf(key), "'" + key + "' in section '" + sec.key() + "' is " + value
                    + ", outside 0.." + Long.MAX_VALUE);
        }
        return value;
    }

    private void warn(int line, String message) {
        warnings.add(line > 0 ? "line " + line + ": " + message : message);
    }
}
