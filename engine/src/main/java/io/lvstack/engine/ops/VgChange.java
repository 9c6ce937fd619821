package io.lvstack.engine.ops;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.graph.VgProperties;
import io.lvstack.engine.graph.VolumeGroup;
import java.util.ArrayList;
import java.util.List;

/** The metadata effects of {@code vgchange}: {@code --addtag}, {@code --deltag}. */
public record VgChange(List<String> addTags, List<String> delTags) {
    public VgChange {
        addTags = List.copyOf(addTags);
        delTags = List.copyOf(delTags);
    }

    public List<String> run(VolumeGroup vg) {
        if (addTags.isEmpty() && delTags.isEmpty()) {
            throw new LvstackException("Need one or more command options.");
        }
        VgProperties p = vg.properties();
        List<String> tags = new ArrayList<>(Tags.add(p.tags(), addTags));
        tags.removeAll(delTags);
        VgProperties changed = new VgProperties(p.id(), p.seqno() + 1, p.format(), p.status(), p.flags(), tags,
                p.systemId(), p.lockType(), p.lockArgs(), p.extentSize(), p.maxLv(), p.maxPv(), p.allocationPolicy(),
                p.profile(), p.metadataCopies());
        vg.apply(ed -> ed.setVgProperties(changed));
        return List.of("  Volume group \"" + vg.name() + "\" successfully changed");
    }
}
