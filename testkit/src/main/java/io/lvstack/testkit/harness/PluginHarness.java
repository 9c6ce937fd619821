package io.lvstack.testkit.harness;

import io.lvstack.api.PluginSettings;
import io.lvstack.api.SegmentType;
import io.lvstack.api.SegmentTypeProvider;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.check.Problem;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvCreate;
import io.lvstack.engine.ops.LvStamp;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.report.ReportKind;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.ProviderDiscovery;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import io.lvstack.engine.text.ConfigDocument;
import io.lvstack.engine.text.ConfigParser;
import io.lvstack.engine.text.ParseOptions;
import io.lvstack.testkit.FakePluginSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A real engine with the plugin under test, for tests that read metadata, write it back, check it
 * and report on it as the {@code lvstack} tool does:
 *
 * <pre>{@code
 * PluginHarness h = PluginHarness.withProvider(new CachePoolProvider());
 * h.assertRoundTrip(Path.of("cases/cachepool.vg"));       // read and written back byte for byte
 * h.assertLvm2Reports(Path.of("cases/cachepool.vg"));     // lvs and pvs as LVM2 printed them
 * List<String> problems = h.problems(text, "t.vg");        // what lvstack check says
 * String json = h.lvs(vg).all().units("s").nosuffix().fields("lv_name,lv_attr").json();
 * }</pre>
 *
 * The engine has the segment types of every provider {@link java.util.ServiceLoader} finds on the
 * class path (add the built-in plugins the tests need in test scope), with no setting, plus the
 * types given; a given type replaces a class-path type of the same name and rank (primary or
 * fallback), and a given provider every class-path type of its plugin. Date comments are written
 * in UTC. Immutable and safe to share.
 */
public final class PluginHarness {
    private final Engine engine;
    private final MetadataFormat format;

    private PluginHarness(List<RegisteredType> given, Predicate<RegisteredType> replaced) {
        List<RegisteredType> types = new ArrayList<>();
        for (ProviderDiscovery.Found found : ProviderDiscovery.find(PluginHarness.class.getClassLoader())) {
            for (RegisteredType t : ProviderDiscovery.typesOf(found, plugin -> PluginSettings.empty())) {
                if (!replaced.test(t) && given.stream().noneMatch(g -> sameSlot(g, t))) {
                    types.add(t);
                }
            }
        }
        types.addAll(given);
        Engine base = Lvstack.engine();
        this.engine = new Engine(new SegmentTypeRegistry(types), List.of(),
                new io.lvstack.engine.assembly.Settings(base.configLayers(), base.settings()), List.of());
        this.format = new MetadataFormat(engine).withZone(ZoneOffset.UTC);
    }

    private static boolean sameSlot(RegisteredType a, RegisteredType b) {
        return a.name().equals(b.name()) && a.type().fallback() == b.type().fallback();
    }

    /** An engine with the types on the class path only. */
    public static PluginHarness classPath() {
        return new PluginHarness(List.of(), t -> false);
    }

    /** An engine with the types on the class path and {@code types}. */
    public static PluginHarness withTypes(SegmentType... types) {
        List<RegisteredType> given = new ArrayList<>();
        for (SegmentType t : types) {
            given.add(new RegisteredType(t, new Origin(t.name(), "test", SpiVersion.CURRENT,
                    ProviderDiscovery.locationOf(t.getClass()), false)));
        }
        return new PluginHarness(given, t -> false);
    }

    /** An engine with the types on the class path and those of {@code provider}, without settings. */
    public static PluginHarness withProvider(SegmentTypeProvider provider) {
        return withProvider(provider, Map.of());
    }

    /**
     * An engine with the types on the class path and those {@code provider} gives for
     * {@code settings} (keys without the {@code segtype.NAME.} prefix). The provider's SPI
     * version is checked as the engine checks it.
     */
    public static PluginHarness withProvider(SegmentTypeProvider provider, Map<String, String> settings) {
        ProviderDiscovery.Found found = new ProviderDiscovery.Found(provider,
                ProviderDiscovery.locationOf(provider.getClass()), false);
        List<RegisteredType> given = ProviderDiscovery.typesOf(found, plugin -> FakePluginSettings.of(settings));
        String plugin = provider.pluginName();
        return new PluginHarness(given, t -> t.origin().plugin().equals(plugin));
    }

    public Engine engine() {
        return engine;
    }

    /** The metadata format of this engine, writing date comments in UTC. */
    public MetadataFormat format() {
        return format;
    }

    /**
     * {@code lvcreate} as the tool runs it, on {@code vg}: one atomic change, the seqno raised, a
     * type's own creator ({@code SegmentType.creator()}) when {@code request} names a type that
     * has one. New LVs get fresh ids and this host's name and time. Returns LVM2's messages;
     * a refusal is the {@link io.lvstack.api.LvstackException} the tool prints, and {@code vg} is
     * then unchanged.
     */
    public List<String> lvcreate(VolumeGroup vg, LvCreate.Request request) {
        return new LvCreate(engine, new LvmAllocator(), LvStamp.now()).run(vg, request);
    }

    public ImportedVg read(Path file) {
        return format.read(file);
    }

    /** Reads {@code text}; errors name {@code sourceName} as their file. */
    public ImportedVg read(String text, String sourceName) {
        return format.read(text, sourceName);
    }

    /** The file form ({@code vgcfgbackup}'s) of {@code vg}. */
    public String write(ImportedVg vg) {
        return write(vg, MetadataFormat.Form.FILE);
    }

    public String write(ImportedVg vg, MetadataFormat.Form form) {
        return format.write(vg.vg(), vg.header(), form);
    }

    /**
     * Asserts that {@code file} is read with no segment of an unknown type (an unknown segment
     * would be written back unchanged whatever the plugin does), written back byte for byte, and
     * that its on-disk form reads back to the same on-disk form.
     *
     * @throws AssertionError saying which of these fails, and where the texts first differ
     */
    public void assertRoundTrip(Path file) {
        assertRoundTrip(Texts.read(file), file.toString());
    }

    /** {@link #assertRoundTrip(Path)} for a text; errors name {@code sourceName}. */
    public void assertRoundTrip(String text, String sourceName) {
        ImportedVg vg = read(text, sourceName);
        Set<String> unknown = vg.vg().unknownSegmentTypes();
        if (!unknown.isEmpty()) {
            throw new AssertionError(sourceName + ": segment types " + unknown + " are unknown to this engine, so "
                    + "their segments are kept verbatim; load their plugin");
        }
        Texts.assertSame(sourceName + " written back", text, write(vg));
        String disk = write(vg, MetadataFormat.Form.ON_DISK);
        Texts.assertSame(sourceName + " on-disk form read back", disk,
                write(read(disk, sourceName + " (on-disk form)"), MetadataFormat.Form.ON_DISK));
    }

    /** What {@code lvstack check FILE} finds. */
    public CheckReport check(Path file) {
        return new Checker(format).check(file);
    }

    /** What {@code lvstack check} finds in {@code text}; problems name {@code sourceName} as their file. */
    public CheckReport check(String text, String sourceName) {
        try {
            return new Checker(format).check(MetadataFormat.parse(text.getBytes(StandardCharsets.UTF_8), sourceName,
                    MetadataFormat.parseOptions(engine.configLayers())));
        } catch (io.lvstack.engine.format.MetadataSourceException e) {
            return Checker.unreadable(e);
        }
    }

    /** {@link #check(Path)}'s problems as {@code lvstack check} prints them ({@code error: WHERE: WHAT}). */
    public List<String> problems(Path file) {
        return lines(check(file));
    }

    /** {@link #check(String, String)}'s problems as {@code lvstack check} prints them. */
    public List<String> problems(String text, String sourceName) {
        return lines(check(text, sourceName));
    }

    private static List<String> lines(CheckReport report) {
        return report.problems().stream().map(Problem::toString).toList();
    }

    /** A report of {@code kind} on {@code vg}, with LVM2's defaults until told otherwise. */
    public ReportRequest report(VolumeGroup vg, ReportKind kind) {
        return new ReportRequest(vg, kind);
    }

    /** {@code lvs} on {@code vg}. */
    public ReportRequest lvs(VolumeGroup vg) {
        return report(vg, ReportKind.LVS);
    }

    /**
     * Asserts that every LVM2 answer next to {@code vgFile} ({@code NAME.vg}) matches this
     * engine's report of the same VG, as lvstack's LVM2 corpus and {@code tools/lvm2-oracle} lay
     * them out (see {@link Lvm2Answers}).
     *
     * @return the names of the answer files compared
     * @throws AssertionError listing every answer that differs, or when there is none
     */
    public List<String> assertLvm2Reports(Path vgFile) {
        return Lvm2Answers.assertMatch(this, vgFile);
    }

    /**
     * The one top-level section of {@code text} ({@code segment1 { ... }}), parsed as the engine
     * parses a metadata file, with the lines it stood on: a sample for
     * {@link io.lvstack.testkit.SegmentTypeContract#check} or a section for {@code decode}.
     *
     * @throws IllegalArgumentException when the text holds no section or more than one node
     */
    public static ConfigSection parseSection(String text) {
        ConfigDocument doc = ConfigParser.parse(text.getBytes(StandardCharsets.UTF_8), "section text",
                ParseOptions.fileForm());
        if (doc.nodes().size() != 1 || !(doc.nodes().get(0) instanceof ConfigSection s)) {
            throw new IllegalArgumentException("the text holds " + doc.nodes().size()
                    + " top-level nodes; expected one section");
        }
        return s;
    }
}
