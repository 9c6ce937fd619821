package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool's reports of every case of {@code ../shared/corpus/lvm2-vm} equal LVM2's files byte for
 * byte, JSON as data: {@code lvs -a} in the
 * corpus's field set (JSON and plain), {@code lvs -a}, {@code pvs}, {@code vgs} and
 * {@code pvs --segments} (README of the corpus).
 */
class VmReportsTest {
    private static final String LVS_FIELDS = "lv_name,lv_parent,segtype,seg_start_pe,seg_size_pe,devices,"
            + "seg_pe_ranges,stripes,stripe_size,region_size,chunk_size,mirror_log,pool_lv,origin,data_lv,metadata_lv,"
            + "lv_layout,lv_role,lv_attr";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"thin", "node", "snap", "cache", "mirror", "move", "raid", "raidconv"})
    void everyReportIsLvm2s(String name) throws IOException {
        String file = VmStepParityTest.VM.resolve(name + ".vg").toString();
        assertEquals(corpus(name + ".lvs.default.txt"), out("lvs", "-a", file), "lvs -a");
        assertEquals(corpus(name + ".vgs.default.txt"), out("vgs", file), "vgs");
        assertEquals(corpus(name + ".pvs.default.txt"), out("pvs", file), "pvs");
        assertEquals(corpus(name + ".lvs.txt"), out("lvs", "-a", "--units", "s", "--nosuffix", "-o", LVS_FIELDS, file),
                "lvs -o");
        assertEquals(JSON.readTree(corpus(name + ".lvs.json")), JSON.readTree(out("lvs", "-a", "--reportformat", "json",
                "--units", "s", "--nosuffix", "-o", LVS_FIELDS, file)), "lvs -o, JSON");
        assertEquals(JSON.readTree(corpus(name + ".pvsegs.json")), JSON.readTree(out("pvs", "--segments",
                "--reportformat", "json", "--units", "s", "--nosuffix", "-o",
                "pv_name,pvseg_start,pvseg_size,lv_name,seg_pe_ranges", file)), "pvs --segments, JSON");
    }

    private static String corpus(String name) throws IOException {
        return Files.readString(VmStepParityTest.VM.resolve(name));
    }

    private static String out(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        assertEquals("", r.err());
        return r.out();
    }
}
