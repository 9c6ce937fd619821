package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvStatus;
import io.lvstack.api.ops.ConvertRequest;
import io.lvstack.api.ops.LvConverter;
import io.lvstack.engine.Engine;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.ExtentAllocator;
import io.lvstack.engine.segtype.PluginCall;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lvconvert}: a segment type's {@link LvConverter} changes the LV, in one atomic change
 * through a {@link PluginEditor}, and the seqno rises once at the end when it changed anything.
 * The converter is that of the type {@code --type} names when it has one and the LV's segments are
 * of another type, else that of the type of the LV's segments when it has one, else that of the
 * type the command line says its options belong to (it
 * then reads {@code --type} too, as LVM2 does: {@code -m0} and {@code --type linear} of a linear
 * LV are nothing to do); the engine itself knows no conversion.
 */
public final class LvConvert {
    private final Engine engine;
    private final SegmentTypeRegistry types;
    private final ExtentAllocator allocator;
    private final LvStamp stamp;

    public LvConvert(Engine engine, ExtentAllocator allocator, LvStamp stamp) {
        this.engine = engine;
        this.types = engine.segmentTypes();
        this.allocator = allocator;
        this.stamp = stamp;
    }

    /** As {@link #run(VolumeGroup, String, ConvertRequest, String, List)} with a fresh message list. */
    public List<String> run(VolumeGroup vg, String lvName, ConvertRequest request, String optionsType) {
        return run(vg, lvName, request, optionsType, new ArrayList<>());
    }

    /**
     * Converts {@code lvName} as {@code request} asks and returns LVM2's messages, adding them to
     * {@code messages} as they arise (a caller prints those given before a refusal). Nothing to
     * do (the converter says so) leaves the VG and its seqno as they were, and says nothing.
     *
     * @param optionsType the type whose converter reads the request when neither the LV's segments'
     *                    type nor {@code --type} has a converter (the type the command's options
     *                    belong to, as the command line reads them), or null for none
     */
    public List<String> run(VolumeGroup vg, String lvName, ConvertRequest request, String optionsType,
            List<String> messages) {
        LogicalVolume lv = vg.lv(lvName);
        if (lv == null) {
            throw new LvstackException("Failed to find logical volume \"" + vg.name() + "/" + lvName + "\"");
        }
        if (lv.has(LvStatus.LOCKED)) {
            throw new LvstackException("Cannot convert locked LV " + lv.fullName());
        }
        WriteGuard.check(lv, "convert");
        SegmentType type = converterType(lv, request.type(), optionsType);
        // the guard's converter: convert runs as the plugin's converter.convert of the LV
        LvConverter converter = types.guard(type).converter().orElseThrow();
        Optional<String> done = vg.change(ed -> {
            PluginEditor editor = new PluginEditor(engine, ed, type, allocator, stamp, AllocPolicy.INHERIT, messages);
            Optional<String> line = converter.convert(lv, request, editor);
            if (line == null) {
                throw PluginCall.failure(type, "converter.convert", lv.fullName(),
                        new IllegalStateException("returned null instead of an Optional"));
            }
            editor.requireNamesFit();
            if (line.isPresent()) {
                ed.raiseSeqno();
            }
            return line;
        });
        done.ifPresent(line -> messages.add("  " + line));
        return messages;
    }

    /** The type whose converter applies, or LVM2's refusal naming the type when none does. */
    private SegmentType converterType(LogicalVolume lv, String asked, String optionsType) {
        SegmentType askedType = asked == null ? null : types.byName(asked);
        if (askedType != null && converter(askedType).isPresent()
                && lv.segments().stream().noneMatch(s -> s.type() == askedType)) {
            // the type asked for converts to itself (a mirror to raid1, raid1 to a mirror)
            return askedType;
        }
        for (Segment s : lv.segments()) {
            if (converter(s.type()).isPresent()) {
                return s.type();
            }
        }
        for (String name : new String[] {asked, optionsType}) {
            SegmentType t = name == null ? null : types.byName(name);
            if (t != null && converter(t).isPresent()) {
                return t;
            }
        }
        if (asked != null) {
            throw new LvstackException("Unable to convert " + lv.fullName() + " to segment type " + asked
                    + ": no loaded segment-type plugin converts to it.");
        }
        String own = lv.segments().isEmpty() ? "none" : lv.segments().get(0).type().name();
        throw new LvstackException("Operation not permitted on LV " + lv.fullName() + " of type " + own + ".");
    }

    private Optional<LvConverter> converter(SegmentType type) {
        return types.guard(type).converter();
    }
}
