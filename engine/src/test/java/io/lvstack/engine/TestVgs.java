package io.lvstack.engine;

/** Small metadata texts built around one LV, for tests of the format and the reports. */
public final class TestVgs {
    private TestVgs() {
    }

    /** The body of a visible linear LV of 4 extents on {@code pvA} from {@code pe}, for {@link #oneLv}. */
    public static String linearLv(int pe) {
        return """
                id = "lvid"
                status = ["READ", "WRITE", "VISIBLE"]
                segment_count = 1
                segment1 {
                start_extent = 0
                extent_count = 4
                type = "striped"
                stripe_count = 1
                stripes = ["pvA", %d]
                }
                """.formatted(pe);
    }

    /** A one-PV VG ({@code pvA}, 100 extents) with one LV, section {@code lvKey}, whose body is {@code lvBody}. */
    public static String oneLv(String lvKey, String lvBody) {
        return """
                contents = "Text Format Volume Group"
                version = 1
                vg {
                id = "abc"
                seqno = 3
                status = ["READ", "WRITE", "RESIZEABLE"]
                extent_size = 8192
                max_lv = 0
                max_pv = 0
                physical_volumes {
                pvA {
                id = "pvid"
                device = "/dev/sdb"
                status = ["ALLOCATABLE"]
                pe_start = 2048
                pe_count = 100
                }
                }
                logical_volumes {
                """ + lvKey + " {\n" + lvBody + """
                }
                }
                }
                """;
    }
}
