package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.LvmNameRules;
import io.lvstack.engine.ops.LvRename;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lvrename VG/OLD VG/NEW} or {@code lvrename VG OLD NEW}. */
@Command(name = "lvrename",
        description = "Renames an LV (and its sub-LVs) in a metadata file.")
final class LvrenameCommand implements Runnable {
    @Mixin(name = EngineOptions.MIXIN)
    EngineOptions engineOptions;
    @Mixin(name = MutationOptions.MIXIN)
    MutationOptions mutation;

    @Parameters(paramLabel = "ARG", description = "VG/OLD VG/NEW, or VG OLD NEW.") List<String> args = List.of();
    @Spec CommandSpec spec;

    /** The arguments as LVM2's {@code lvrename} reads them; {@code historical} for an old name {@code -LV}. */
    record Names(String vg, String oldName, String newName, boolean historical) {
    }

    @Override
    public void run() {
        Names n = names(args);
        LvmNameRules.requireRenameParams(n.vg(), n.oldName(), n.newName());
        MutationRun.run(spec, engineOptions, mutation, c -> {
            MutationRun.checkVg(c.vg(), n.vg());
            if (n.historical()) {
                // lvstack reads no VG with historical LVs, so there is none to rename
                throw new LvstackException("Existing historical logical volume \"" + n.oldName() + "\" not found in"
                        + " volume group \"" + n.vg() + "\"");
            }
            return new LvRename().run(c.vg(), n.oldName(), n.newName());
        });
    }

    /**
     * {@code lvrename}'s reading of its arguments, before any metadata is read: one VG for both
     * names, each name the part after its last slash. A path LVM2's {@code _extract_vgname}
     * calls invalid is refused here, where LVM2 prints its error and goes on (renaming
     * {@code lv} to {@code z} for {@code x/y/z} and exiting 0).
     */
    static Names names(List<String> args) {
        if (args.size() < 2) {
            throw new CommandLineRefusal("No command with matching syntax recognised.  Run 'lvrename --help' for more"
                    + " information.");
        }
        if (args.size() > 3) {
            throw new CommandLineRefusal("Command does not accept argument: " + args.get(3) + ".");
        }
        String vg;
        String oldArg = args.get(args.size() - 2);
        String newArg = args.get(args.size() - 1);
        if (args.size() == 3) {
            vg = LvmArgs.skipDevDir(args.get(0));
            if (oldArg.contains("/") && !LvmArgs.split(oldArg)[0].equals(vg)) {
                throw new CommandLineRefusal("Please use a single volume group name (\"" + vg + "\" or \""
                        + LvmArgs.split(oldArg)[0] + "\")");
            }
        } else if (oldArg.contains("/")) {
            vg = LvmArgs.split(oldArg)[0];
        } else {
            // LVM2 adds "Please provide a valid volume group name"
            throw new CommandLineRefusal("Path required for Logical Volume \"" + oldArg + "\".");
        }
        if (!LvmNameRules.isValid(vg)) {
            throw new CommandLineRefusal("Please provide a valid volume group name");
        }
        if (newArg.contains("/") && !LvmArgs.split(newArg)[0].equals(vg)) {
            throw new CommandLineRefusal("Logical volume names must have the same volume group (\"" + vg + "\" or \""
                    + LvmArgs.split(newArg)[0] + "\")");
        }
        String oldName = oldArg.substring(oldArg.lastIndexOf('/') + 1);
        String newName = newArg.substring(newArg.lastIndexOf('/') + 1);
        // LVM2 names historical (removed) LVs -LV
        boolean historical = oldName.startsWith("-");
        if (historical) {
            oldName = oldName.substring(1);
        }
        if (newName.startsWith("-")) {
            if (!historical) {
                throw new CommandLineRefusal("Old name references live LV while new name is for historical LV.");
            }
            newName = newName.substring(1);
        }
        return new Names(vg, oldName, newName, historical);
    }
}
