package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.api.model.LvStatus;
import io.lvstack.engine.graph.LogicalVolume;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata effects of {@code lvchange}: permission ({@code -p r|rw}, the WRITE bit) and tags
 * ({@code --addtag}, {@code --deltag}; new tags go last, as LVM2's string lists do).
 *
 * @param permission "r", "rw" or null to leave it
 */
public record LvChange(String permission, List<String> addTags, List<String> delTags) {
    public LvChange {
        addTags = List.copyOf(addTags);
        delTags = List.copyOf(delTags);
        if (permission != null && !permission.equals("r") && !permission.equals("rw")) {
            throw new LvstackException("Invalid argument for --permission: " + permission);
        }
    }

    public List<String> run(VolumeGroup vg, String lvName) {
        return run(vg, lvName, false);
    }

    /**
     * @param activation whether {@code -a} was given: alone it changes no metadata (activation is
     *                   device-mapper's), so there is nothing to write and nothing to say
     */
    public List<String> run(VolumeGroup vg, String lvName, boolean activation) {
        LogicalVolume lv = LvLookup.find(vg, lvName);
        if (permission == null && addTags.isEmpty() && delTags.isEmpty()) {
            if (activation) {
                return new ArrayList<>();
            }
            throw new LvstackException("Need one or more command options.");
        }
        List<String> messages = new ArrayList<>();
        boolean writable = lv.has(LvStatus.WRITE);
        if (permission != null && writable == permission.equals("rw")) {
            // LVM2 quotes the name in one of the two messages only.
            throw new LvstackException(writable ? "Logical volume " + lv.fullName() + " is already writable."
                    : "Logical volume \"" + lv.fullName() + "\" is already read only.");
        }
        if (permission != null) {
            // What a permission means to a pool, an origin or a cache only their plugins know; tags mean nothing to them.
            WriteGuard.check(lv, "change the permission of");
        }
        List<String> tags = new ArrayList<>(lv.tags());
        for (String t : addTags) {
            Tags.check(t);
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        tags.removeAll(delTags);
        vg.apply(ed -> {
            if (permission != null) {
                ed.setStatus(lv, LvStatus.WRITE, permission.equals("rw"));
            }
            ed.setLvTags(lv, tags);
            ed.raiseSeqno();
        });
        messages.add("  Logical volume " + lv.fullName() + " changed.");
        return messages;
    }
}
