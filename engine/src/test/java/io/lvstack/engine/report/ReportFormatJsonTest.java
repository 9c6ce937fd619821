package io.lvstack.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvstack.engine.Lvstack;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import org.junit.jupiter.api.Test;

class ReportFormatJsonTest {
    @Test
    void controlCharactersAreEscapedAsJsonRequires() {
        assertEquals("\\u0008good2 \\\"q\\\" \\\\ \\u000a\\u001f\u007f", ReportFormat.escape("\bgood2 \"q\" \\ \n\u001f\u007f"));
        String plain = "lv_mimage_0";
        assertSame(plain, ReportFormat.escape(plain));
    }

    @Test
    void anLvNamedWithABackspaceMakesValidJson() {
        // Found by fuzzing (FuzzTargetsInputs/report/crash-6ad448ee...): a quoted LV section key
        // holding 0x08 was written raw into the JSON report, which JSON parsers refuse.
        String text = io.lvstack.engine.TestVgs.oneLv("\"\bgood2\"", io.lvstack.engine.TestVgs.linearLv(10));
        ImportedVg vg = new MetadataFormat(Lvstack.engine()).read(text, "bs.vg");
        String json = ReportFormat.json(ReportBuilder.build(vg.vg(), ReportKind.LVS, "lv_name", null, true),
                Units.parse("s", true));
        assertTrue(json.contains("{\"lv_name\":\"\\u0008good2\"}"), json);
        assertTrue(json.chars().noneMatch(c -> c < 0x20 && c != '\n'), json);
    }
}
