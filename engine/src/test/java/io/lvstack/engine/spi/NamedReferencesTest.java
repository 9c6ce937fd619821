package io.lvstack.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.api.LvstackException;
import io.lvstack.api.SpiVersion;
import io.lvstack.api.model.LvView;
import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.Segment;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.ops.LvRemove;
import io.lvstack.engine.ops.LvRename;
import io.lvstack.engine.segtype.Origin;
import io.lvstack.engine.segtype.RegisteredType;
import io.lvstack.engine.segtype.SegmentTypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Named roles ({@link io.lvstack.api.model.ReferenceRole#named}): LVs a type's text names without
 * using them. The engine resolves them, writes them by the LV's current name, never counts them
 * as users or cycles, and drops them when the LV goes. The type is the test-only
 * {@link TestNoteType}, on LVM2's {@code linear.vg} with one LV added.
 */
class NamedReferencesTest {
    private static final Path LINEAR = Path.of("src/test/resources/corpus/lvm2/linear.vg");
    private static final String NOTER = """
            		noter {
            			id = "nnnnnn-0000-0000-0000-0000-0000-000000"
            			status = ["READ", "WRITE", "VISIBLE"]
            			flags = []
            			segment_count = 1

            			segment1 {
            				start_extent = 0
            				extent_count = 1	# 4 Megabytes

            				type = "testnote"
            				stripe_count = 1

            				stripes = [
            					"pv1", 0
            				]

            				notes = [
            					"root", "home",
            					"noter"
            				]
            			}
            		}
            """;

    private final Engine engine = engine();
    private final MetadataFormat format = new MetadataFormat(engine);

    private static Engine engine() {
        Engine base = Lvstack.engine();
        List<RegisteredType> types = new ArrayList<>(base.segmentTypes().active());
        types.add(new RegisteredType(new TestNoteType(), new Origin("testnote", "1", SpiVersion.CURRENT,
                "the test class path", false)));
        return new Engine(new SegmentTypeRegistry(types), List.of(),
                new io.lvstack.engine.assembly.Settings(base.configLayers(), base.settings()), List.of());
    }

    private static String text() throws IOException {
        String linear = Files.readString(LINEAR);
        String tail = "\t\t}\n\t}\n\n}\n";
        int end = linear.lastIndexOf(tail);
        return linear.substring(0, end) + "\t\t}\n\n" + NOTER + "\t}\n\n}\n";
    }

    private ImportedVg read() throws IOException {
        return format.read(text(), "noted.vg");
    }

    private String write(ImportedVg vg) {
        return format.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
    }

    private static List<String> notes(VolumeGroup vg) {
        Segment s = vg.lv("noter").segments().get(0);
        return s.references(TestNoteType.NOTES).stream().map(LvView::name).toList();
    }

    @Test
    void namesAreResolvedAndWrittenBackAsRead() throws IOException {
        ImportedVg vg = read();
        assertEquals(List.of("root", "home", "noter"), notes(vg.vg()));
        assertEquals(text(), write(vg));
    }

    @Test
    void aNamedLvIsNotUsedAndNamingItselfIsNoCycle() throws IOException {
        VolumeGroup vg = read().vg();
        assertEquals(0, vg.lv("root").userCount());
        assertEquals(0, vg.lv("noter").userCount());
        assertEquals(List.of(), Checker.check(vg).problems().stream().map(Object::toString).toList());
    }

    @Test
    void aRenameIsFollowed() throws IOException {
        ImportedVg vg = read();
        new LvRename().run(vg.vg(), "root", "base");
        assertEquals(List.of("base", "home", "noter"), notes(vg.vg()));
        assertTrue(write(vg).contains("\"base\", \"home\",\n"), write(vg));
    }

    @Test
    void removingANamedLvDropsTheName() throws IOException {
        ImportedVg vg = read();
        new LvRemove(io.lvstack.engine.Lvstack.engine()).run(vg.vg(), "home");
        assertEquals(List.of("root", "noter"), notes(vg.vg()));
        assertTrue(write(vg).contains("notes = [\n\t\t\t\t\t\"root\", \"noter\"\n\t\t\t\t]"), write(vg));
        assertEquals(List.of(), Checker.check(vg.vg()).problems().stream().map(Object::toString).toList());
    }

    @Test
    void aFailedChangeKeepsTheName() throws IOException {
        VolumeGroup vg = read().vg();
        assertThrows(LvstackException.class, () -> vg.apply(ed -> {
            ed.removeLv(vg.lv("home"));
            throw new LvstackException("undo");
        }));
        assertEquals(List.of("root", "home", "noter"), notes(vg));
    }
}
