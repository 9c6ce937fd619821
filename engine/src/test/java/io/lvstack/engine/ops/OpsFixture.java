package io.lvstack.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.format.MetadataHeader;
import io.lvstack.engine.graph.VolumeGroup;
import java.nio.file.Path;
import java.util.List;

/** Reading the operation fixtures and writing graphs back as LVM2 text. */
public final class OpsFixture {
    public static final Path DIR = Path.of("src/test/resources/ops");

    private OpsFixture() {
    }

    public static ImportedVg read(Engine engine, Path file) {
        return new MetadataFormat(engine).read(file);
    }

    public static String write(Engine engine, VolumeGroup vg, MetadataHeader header) {
        return new MetadataFormat(engine).write(vg, header, MetadataFormat.Form.FILE);
    }

    public static String text(Path p) {
        return Corpus.readString(p);
    }

    /** The graph passes every check, with no warning either. */
    public static void assertValid(VolumeGroup vg) {
        assertEquals(List.of(), Checker.check(vg).problems());
    }

    public static Engine engine() {
        return Lvstack.engine();
    }
}
