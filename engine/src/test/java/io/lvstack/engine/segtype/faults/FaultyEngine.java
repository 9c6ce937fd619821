package io.lvstack.engine.segtype.faults;

import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine the built-in plugins make, with one primary type replaced by a faulty wrapper of
 * itself, registered under the real type's origin as a plugin's type would be.
 */
public final class FaultyEngine {
    public final Engine engine;
    public final FaultySegmentType type;

    public FaultyEngine(String typeName) {
        Engine base = Lvstack.engine();
        type = new FaultySegmentType(base.segmentTypes().byName(typeName));
        List<RegisteredType> types = new ArrayList<>();
        for (RegisteredType t : base.segmentTypes().active()) {
            boolean replaced = t.name().equals(typeName) && !t.type().fallback();
            types.add(replaced ? new RegisteredType(type, t.origin()) : t);
        }
        engine = new Engine(new SegmentTypeRegistry(types), List.of(),
                new io.lvstack.engine.assembly.Settings(base.configLayers(), base.settings()), List.of());
    }

    /** How the engine names the faulty plugin in messages. */
    public String plugin() {
        return "segment type '" + type.name() + "' (" + FaultySegmentType.class.getName() + ")";
    }
}
