package io.lvstack.engine.segtype;

import io.lvstack.api.SegmentCapability;
import io.lvstack.api.SegmentType;
import io.lvstack.api.check.ProblemSink;
import io.lvstack.api.dm.TargetContext;
import io.lvstack.api.link.LinkEvent;
import io.lvstack.api.link.LinkHook;
import io.lvstack.api.link.MarkEditor;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.ReferenceRole;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;
import io.lvstack.api.dm.DeviceLayout;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.api.ops.LvCreator;
import io.lvstack.api.ops.LvRemover;
import io.lvstack.api.ops.LvResizer;
import io.lvstack.api.ops.VgEditor;
import io.lvstack.api.ops.NewSegment;
import io.lvstack.api.ops.SegmentOptions;
import io.lvstack.api.report.LvTraits;
import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.DecodedSegment;
import io.lvstack.api.text.SegmentWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin's segment type as the engine calls it (Trino's {@code ClassLoaderSafe*} wrappers):
 * every SPI method delegates to the plugin's own type inside {@link PluginCall}, so the thread
 * context class loader is the plugin's and anything but lvstack's own error (an
 * {@link io.lvstack.api.LvstackException}, which passes through) becomes a
 * {@link PluginFailure} naming the type, the method and what it was called on (the subject,
 * derived from the arguments: a segment's description, an LV's full name, a section's key;
 * made only when the call fails, since a segment's description counts its segments).
 * The {@link LinkHook} a type returns is wrapped too.
 *
 * <p>Made once per type, when the {@link SegmentTypeRegistry} registers it; a segment holds its
 * guard ({@code Segment.handler()}) and engine code calls through it. The guard never reaches a
 * plugin: {@code Segment.type()}, which plugins see and compare with {@code ==}, is the plugin's
 * own object ({@link #plugin()}), and a guard is never wrapped in another.
 * {@code GuardedSegmentTypeTest} fails when an SPI method, default ones included, is not
 * overridden here, and when engine code calls an SPI method on anything but a guard.
 */
public final class GuardedSegmentType implements SegmentType {
    private final SegmentType plugin;
    /** The last hook the type returned and its guard: types return one hook object, mostly. */
    private volatile HookPair lastHook;

    private record HookPair(LinkHook raw, LinkHook guarded) {
    }

    private GuardedSegmentType(SegmentType plugin) {
        this.plugin = plugin;
    }

    /**
     * A guard of {@code type}; {@code type} itself when it is one already. The registry keeps one
     * per type ({@link SegmentTypeRegistry#guard}); this makes a new one.
     */
    public static GuardedSegmentType of(SegmentType type) {
        if (type instanceof GuardedSegmentType g) {
            return g;
        }
        return new GuardedSegmentType(java.util.Objects.requireNonNull(type, "segment type"));
    }

    /** The plugin's own type: what segments show plugins, never to be called by engine code. */
    public SegmentType plugin() {
        return plugin;
    }

    /** {@code LV vg/lv segment 2 (LE 10-19)} for the engine's segments. */
    static String subject(SegmentView segment) {
        return segment instanceof FailureSubject s ? s.failureSubject() : String.valueOf(segment);
    }

    /** {@code vg/lv} for the engine's LVs. */
    static String subject(LvView lv) {
        return lv instanceof FailureSubject s ? s.failureSubject() : lv.name();
    }

    @Override
    public String name() {
        return PluginCall.call(plugin, "name", "", plugin::name);
    }

    @Override
    public Set<SegmentCapability> capabilities() {
        return PluginCall.call(plugin, "capabilities", "", plugin::capabilities);
    }

    @Override
    public boolean has(SegmentCapability capability) {
        return PluginCall.call(plugin, "has", capability.name(), () -> plugin.has(capability));
    }

    @Override
    public List<ReferenceRole> referenceRoles() {
        return PluginCall.call(plugin, "referenceRoles", "", plugin::referenceRoles);
    }

    @Override
    public boolean fallback() {
        return PluginCall.call(plugin, "fallback", "", plugin::fallback);
    }

    @Override
    public boolean accepts(ConfigSection segment) {
        return PluginCall.call(plugin, "accepts", segment.key(), () -> plugin.accepts(segment));
    }

    @Override
    public DecodedSegment decode(ConfigSection segment, long extentCount) {
        return PluginCall.call(plugin, "decode", segment.key(), () -> plugin.decode(segment, extentCount));
    }

    /**
     * {@link #decode(ConfigSection, long)} of a section of {@code lvName}, which a failure names
     * ({@code LV lv segment1}): the section alone does not say whose it is.
     */
    public DecodedSegment decode(ConfigSection segment, long extentCount, String lvName) {
        return PluginCall.call(plugin, "decode", () -> "LV " + lvName + " " + segment.key(),
                () -> plugin.decode(segment, extentCount));
    }

    @Override
    public void encode(SegmentView segment, SegmentWriter out) {
        PluginCall.call(plugin, "encode", () -> subject(segment), () -> {
            plugin.encode(segment, out);
            return null;
        });
    }

    @Override
    public String displayName(SegmentView segment) {
        return PluginCall.call(plugin, "displayName", () -> subject(segment), () -> plugin.displayName(segment));
    }

    @Override
    public long stripeSize(SegmentView segment) {
        return PluginCall.call(plugin, "stripeSize", () -> subject(segment), () -> plugin.stripeSize(segment));
    }

    @Override
    public long regionSize(SegmentView segment) {
        return PluginCall.call(plugin, "regionSize", () -> subject(segment), () -> plugin.regionSize(segment));
    }

    @Override
    public String unresolvedReference(ReferenceRole role, String target, String segmentKey, String lvName) {
        return PluginCall.call(plugin, "unresolvedReference", () -> lvName + " " + segmentKey + " " + role,
                () -> plugin.unresolvedReference(role, target, segmentKey, lvName));
    }

    @Override
    public String unresolvedArea(int index, String target, String segmentKey, String lvName) {
        return PluginCall.call(plugin, "unresolvedArea", () -> lvName + " " + segmentKey + " area " + index,
                () -> plugin.unresolvedArea(index, target, segmentKey, lvName));
    }

    /** No subject: the checker reports the problem at the segment already. */
    @Override
    public void validate(SegmentView segment, ProblemSink problems) {
        PluginCall.run(plugin, "validate", "", () -> plugin.validate(segment, problems));
    }

    @Override
    public boolean canMerge(SegmentView first, SegmentView second) {
        return PluginCall.call(plugin, "canMerge", () -> subject(first) + " and " + subject(second),
                () -> plugin.canMerge(first, second));
    }

    @Override
    public List<TypeFields> splitFields(SegmentView segment, long offset) {
        return PluginCall.call(plugin, "splitFields", () -> subject(segment) + " at " + offset,
                () -> plugin.splitFields(segment, offset));
    }

    @Override
    public void describe(LvView lv, LvTraits traits) {
        PluginCall.call(plugin, "describe", () -> subject(lv), () -> {
            plugin.describe(lv, traits);
            return null;
        });
    }

    @Override
    public Optional<NewSegment> newSegment(int areaCount, SegmentOptions options) {
        return PluginCall.call(plugin, "newSegment",
                () -> "a new segment of " + areaCount + (areaCount == 1 ? " area" : " areas"),
                () -> plugin.newSegment(areaCount, options));
    }

    /**
     * The type's hook, guarded: it runs with the plugin's context class loader. What it throws
     * passes through; the engine turns it into a failure of the whole link change.
     */
    @Override
    public Optional<LinkHook> linkHook() {
        Optional<LinkHook> hook = PluginCall.call(plugin, "linkHook", "", plugin::linkHook);
        if (hook.isEmpty()) {
            return hook;
        }
        LinkHook raw = hook.get();
        HookPair last = lastHook;
        if (last == null || last.raw() != raw) {
            last = new HookPair(raw, new GuardedLinkHook(raw));
            lastHook = last;
        }
        return Optional.of(last.guarded());
    }

    @Override
    public Optional<String> targetLine(SegmentView segment, TargetContext context) {
        return PluginCall.call(plugin, "targetLine", () -> subject(segment), () -> plugin.targetLine(segment, context));
    }

    @Override
    public long tableExtents(SegmentView segment) {
        return PluginCall.call(plugin, "tableExtents", () -> subject(segment), () -> plugin.tableExtents(segment));
    }

    @Override
    public long areaLength(long len, int areaCount, TypeFields fields) {
        return PluginCall.call(plugin, "areaLength", () -> len + " extents over " + areaCount + " areas",
                () -> plugin.areaLength(len, areaCount, fields));
    }

    @Override
    public Optional<DeviceLayout> deviceLayout(LvView lv, TargetContext context) {
        return PluginCall.call(plugin, "deviceLayout", () -> "LV " + subject(lv),
                () -> plugin.deviceLayout(lv, context));
    }

    /** The type's creator, guarded: {@code create} runs as {@code creator.create} of the new LV's name. */
    @Override
    public Optional<LvCreator> creator() {
        Optional<LvCreator> creator = PluginCall.call(plugin, "creator", "", plugin::creator);
        return creator.map(c -> (request, editor) -> PluginCall.call(plugin, "creator.create", request::name,
                () -> c.create(request, editor)));
    }

    /** The type's converter, guarded: {@code convert} runs as {@code converter.convert} of the LV. */
    @Override
    public Optional<LvConverter> converter() {
        Optional<LvConverter> converter = PluginCall.call(plugin, "converter", "", plugin::converter);
        return converter.map(c -> (lv, request, editor) -> PluginCall.call(plugin, "converter.convert",
                () -> subject(lv), () -> c.convert(lv, request, editor)));
    }

    /** The type's remover, guarded: {@code removing} runs as {@code remover.removing} of the LV. */
    @Override
    public Optional<LvRemover> remover() {
        Optional<LvRemover> remover = PluginCall.call(plugin, "remover", "", plugin::remover);
        return remover.map(r -> new LvRemover() {
            @Override
            public void removing(LvView lv, VgEditor editor) {
                PluginCall.call(plugin, "remover.removing", () -> subject(lv), () -> {
                    r.removing(lv, editor);
                    return null;
                });
            }

            @Override
            public List<LvView> dependents(LvView used) {
                List<LvView> out = PluginCall.call(plugin, "remover.dependents", () -> subject(used),
                        () -> r.dependents(used));
                return out == null ? List.of() : out;
            }
        });
    }

    /** The type's resizer, guarded: {@code extend} runs as {@code resizer.extend} of the LV. */
    @Override
    public Optional<LvResizer> resizer() {
        Optional<LvResizer> resizer = PluginCall.call(plugin, "resizer", "", plugin::resizer);
        return resizer.map(r -> (lv, request, editor) -> PluginCall.call(plugin, "resizer.extend",
                () -> subject(lv), () -> {
                    r.extend(lv, request, editor);
                    return null;
                }));
    }

    /** The plugin's type's name and class, as {@link PluginFailure} names it. */
    @Override
    public String toString() {
        return "guarded " + PluginFailure.describe(plugin);
    }

    /** A type's link hook, called with its plugin's context class loader. */
    private static final class GuardedLinkHook implements LinkHook {
        private final LinkHook hook;

        GuardedLinkHook(LinkHook hook) {
            this.hook = hook;
        }

        @Override
        public void linked(LinkEvent event, MarkEditor marks) {
            PluginCall.run(hook, () -> hook.linked(event, marks));
        }

        @Override
        public void unlinked(LinkEvent event, MarkEditor marks) {
            PluginCall.run(hook, () -> hook.unlinked(event, marks));
        }
    }
}
