package io.lvstack.engine.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Corpus;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.TestVgs;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.graph.VolumeGroup;
import io.lvstack.engine.picture.DotReader.Edge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The DOT text itself: whole for two small cases, link counts, escaping. */
class StackPictureTest {
    private static final MetadataFormat FORMAT = new MetadataFormat(Lvstack.engine());

    @ParameterizedTest
    @ValueSource(strings = {"linear", "mirror_disklog"})
    void dotIsExactlyAsExpected(String name) throws Exception {
        VolumeGroup vg = FORMAT.read(Corpus.DIR.resolve(name + ".vg")).vg();
        assertEquals(Files.readString(Path.of("src/test/resources/picture/" + name + ".dot")),
                DotWriter.write(StackPicture.of(vg)));
    }

    /** A striped LV whose two stripes lie on one LV: one upward link holding two references. */
    static final String TWICE = TestVgs.oneLv("low", """
            id = "lowid"
            status = ["READ", "WRITE"]
            segment_count = 1
            segment1 {
            start_extent = 0
            extent_count = 8
            type = "striped"
            stripe_count = 1
            stripes = ["pvA", 10]
            }
            }
            up+1.x_y-z {
            id = "upid"
            status = ["READ", "WRITE", "VISIBLE"]
            segment_count = 1
            segment1 {
            start_extent = 0
            extent_count = 8
            type = "striped"
            stripe_count = 2
            stripe_size = 128
            stripes = ["low", 4, "low", 0]
            }
            """).replace("device = \"/dev/sdb\"", "device = \"/dev/<odd>&\\\"x\\\\\"");

    @Test
    void aSegmentUsingAnLvTwiceIsOneArrowCountedTimesTwo() {
        VolumeGroup vg = FORMAT.read(TWICE, "twice.vg").vg();
        assertEquals(2, vg.lv("low").userCount(vg.lv("up+1.x_y-z").segments().get(0)));
        StackPicture p = StackPicture.of(vg);
        assertEquals(List.of(
                new StackPicture.Arrow(StackPicture.Kind.PV_AREA, "lv:low", "s1", "pv:pv0", "pe10", ""),
                new StackPicture.Arrow(StackPicture.Kind.LV_AREAS, "lv:up+1.x_y-z", "s1", "lv:low", "h",
                        "LE 4-7, 0-3 \u00d72")), p.arrows());
        String dot = DotWriter.write(p);
        assertTrue(dot.contains("\n  \"lv:up+1.x_y-z\":s1:s -> \"lv:low\":h:n [label=\" LE 4-7, 0-3 \u00d72 \"];\n"), dot);
        DotReader read = DotReader.read(dot);
        assertEquals(List.of(new Edge("lv:up+1.x_y-z", "s1", "lv:low", "h", Map.of("label", " LE 4-7, 0-3 \u00d72 "))),
                read.from("lv:up+1.x_y-z", "s1"));
    }

    @Test
    void namesAndDevicesAreEscaped() {
        VolumeGroup vg = FORMAT.read(TWICE, "twice.vg").vg();
        String dot = DotWriter.write(StackPicture.of(vg));
        // In the HTML label the markup characters are entities; the quote is too, the backslash stays.
        assertTrue(dot.contains("<B>pv0</B>  /dev/&lt;odd&gt;&amp;&quot;x\\</TD>"), dot);
        assertEquals("pv0 /dev/<odd>&\"x\\", DotReader.read(dot).nodes().get("pv:pv0").cells().get("h"));
        assertTrue(dot.contains("<B>up+1.x_y-z</B>  32.00m"), dot);
        assertTrue(dot.contains("<B>[low]</B>  32.00m"), dot);
        assertEquals("\"a\\\"b\\\\c\\nd\"", DotWriter.id("a\"b\\c\nd"));
        assertEquals("&lt;td&gt; &amp;amp; &quot;", DotWriter.html("<td> &amp; \""));
    }

    @Test
    void treeOfTheSameStack() {
        VolumeGroup vg = FORMAT.read(TWICE, "twice.vg").vg();
        assertEquals("""
                NAME                    TYPE       SIZE  RANGE
                up+1.x_y-z              striped  32.00m
                ├─[low]                 linear   32.00m  LE 4-7
                │ └─pv0 /dev/<odd>&"x\\  pv       32.00m  PE 10-17
                └─[low]                 linear   32.00m  LE 0-3
                  └─pv0 /dev/<odd>&"x\\  pv       32.00m  PE 10-17
                """, StackTree.write(vg, io.lvstack.engine.report.Units.human(), true));
    }
}
