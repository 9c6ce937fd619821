package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.Area;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.PhysicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.alloc.AllocPolicy;
import io.lvstack.engine.ops.alloc.LvmAllocator;
import io.lvstack.engine.ops.alloc.PvRange;
import io.lvstack.engine.ops.pvmove.Pvmove;
import io.lvstack.engine.ops.pvmove.PvmoveSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pvmove}: moves a PV's extents as LVM2 does with device-mapper, where the command copies
 * the data and completes the move before it returns: the {@code pvmoveN} layer is set up and
 * completed in one change. With {@code -b} LVM2 returns once the move is set up (its background
 * poll completes it), and so does lvstack: the move stays in progress ({@code pvmoveN}, LVs
 * LOCKED) until {@code --complete}, as LVM2's poll does once the copy is done, or {@code --abort}.
 */
@Command(name = "pvmove",
        description = "Sets up, completes or aborts the move of a PV's extents in a metadata file, as LVM2's pvmove"
                + " does.")
final class PvmoveCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    /** What to do with moves already set up; neither: set up a new one. */
    static final class End {
        @Option(names = "--complete", required = true,
                description = "Completes the moves in progress (of SOURCE only, if given): the LVs keep the"
                        + " destination extents.")
        boolean complete;
        @Option(names = "--abort", required = true,
                description = "Aborts the moves in progress (of SOURCE only, if given): the LVs keep the source"
                        + " extents.")
        boolean abort;
    }

    @ArgGroup(exclusive = true) End end;
    @Option(names = {"-n", "--name"}, paramLabel = "LV", description = "Moves only the extents of this LV.")
    String lvName;
    @Option(names = "--alloc", paramLabel = "POLICY", description = "Allocation policy for the destination"
            + " (default: contiguous, as LVM2's pvmove).") String alloc;
    @Option(names = {"-b", "--background"}, description = "Sets the move up and leaves it in progress, as LVM2"
            + " leaves it to its background poll; finish it with --complete or --abort.") boolean background;
    @Option(names = "--atomic", description = "Moves all the LVs' extents in one step, as LVM2's --atomic; the"
            + " move is complete when the command returns, so not with -b.")
    boolean atomic;
    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", description = "Accepted and ignored: progress"
            + " reports of a running move.") String interval;
    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE[:RANGES]") String source;
    @Parameters(index = "1..*", paramLabel = "DEST[:RANGES]", description = "Destination PVs or their extent ranges.")
    List<String> destinations = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        if (end != null && (lvName != null || alloc != null || !destinations.isEmpty())) {
            throw new LvstackException("Only a source PV may be given with --" + (end.abort ? "abort" : "complete")
                    + ".");
        }
        if (atomic && background) {
            // LVM2 keeps an atomic move as one mirror over pvmoveN_mimage_0 and _1 while it runs
            throw new LvstackException("lvstack does not leave an --atomic move in progress: run it without -b.");
        }
        if (end == null && source == null) {
            throw new LvstackException("Please specify a physical volume path, --complete or --abort.");
        }
        MutationRun.run(spec, engineOptions, mutation, c -> {
            Pvmove pvmove = new Pvmove(c.engine(), new LvmAllocator());
            List<String> messages = end == null ? setUp(c, pvmove) : finish(c.vg(), pvmove);
            MutationRun.commit(c.vg());
            return messages;
        });
    }

    private List<String> setUp(MutationRun.Context c, Pvmove pvmove) {
        VolumeGroup vg = c.vg();
        List<PvRange> from = MutationRun.pvRanges(vg, List.of(source));
        // LVM2 resumes polling such a move; here it can only be finished explicitly.
        if (Pvmove.inProgress(vg, from.get(0).pv()).isPresent()) {
            throw new LvstackException("Detected pvmove in progress for " + from.get(0).pv().device()
                    + ": finish it with --complete or --abort.");
        }
        List<PvRange> to = MutationRun.pvRanges(vg, destinations);
        String lv = lvName == null ? null : lvName.substring(lvName.lastIndexOf('/') + 1);
        // inherit: the pvmove LV's own policy, contiguous (LVM2 _set_up_pvmove_lv).
        AllocPolicy policy = alloc == null || alloc.equals("inherit") ? AllocPolicy.CONTIGUOUS : AllocPolicy.of(alloc);
        PvmoveSpec request = PvmoveSpec.toRanges(from, to, policy, pvmove.defaultRegionSize(), c.stamp().newId(),
                c.stamp().properties(), lv);
        LogicalVolume layer = pvmove.setUp(vg, request);
        if (background) {
            return List.of();
        }
        String device = sourceDevice(layer);
        pvmove.complete(vg, layer);
        return List.of("  " + device + ": Moved: 100.00%");
    }

    /** Each layer in list order; LVM2's poll reports the source PV of each as fully moved. */
    private List<String> finish(VolumeGroup vg, Pvmove pvmove) {
        List<LogicalVolume> layers = new ArrayList<>();
        if (source != null) {
            PhysicalVolume pv = MutationRun.pv(vg, source);
            layers.add(Pvmove.inProgress(vg, pv).orElseThrow(() -> new LvstackException(
                    "Physical Volume \"" + source + "\" has no pvmove in progress.")));
        } else {
            vg.lvs().stream().filter(lv -> lv.has(LvStatus.PVMOVE)).forEach(layers::add);
            if (layers.isEmpty()) {
                throw new LvstackException("No pvmove in progress found in volume group \"" + vg.name() + "\".");
            }
        }
        List<String> messages = new ArrayList<>();
        for (LogicalVolume layer : layers) {
            String device = sourceDevice(layer);
            if (end.complete) {
                pvmove.complete(vg, layer);
                messages.add("  " + device + ": Moved: 100.00%");
            } else {
                pvmove.abort(vg, layer);
            }
        }
        return messages;
    }

    private static String sourceDevice(LogicalVolume layer) {
        if (layer.segments().get(0).areaOrNull(0) instanceof Area.OnPv on) {
            return on.pv().device();
        }
        return layer.name();
    }
}
