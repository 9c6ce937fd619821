package io.lvstack.segtype.cache;

import io.lvstack.api.text.ConfigSection;
import io.lvstack.api.text.SegmentWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A writecache's optional settings (LVM2's {@code struct writecache_settings}): each null when
 * not set. {@code key} and {@code value} are the one free-form setting LVM2 passes on as it is.
 */
public record WritecacheSettings(Long highWatermark, Long lowWatermark, Long writebackJobs, Long autocommitBlocks,
        Long autocommitTime, Long fua, Long nofua, Long cleaner, Long maxAge, String key, String value) {
    public static final WritecacheSettings NONE = new WritecacheSettings(null, null, null, null, null, null, null, null,
            null, null, null);
    private static final String UNKNOWN = "Unknown writecache_setting in";

    /** LVM2's {@code _writecache_text_import} of the settings, in its order and words. */
    static WritecacheSettings read(ConfigSection s) {
        Long high = Text.optionalInteger(s, "high_watermark", Long.MAX_VALUE, UNKNOWN);
        Long low = Text.optionalInteger(s, "low_watermark", Long.MAX_VALUE, UNKNOWN);
        Long jobs = Text.optionalInteger(s, "writeback_jobs", Long.MAX_VALUE, UNKNOWN);
        Long blocks = Text.optionalInteger(s, "autocommit_blocks", Long.MAX_VALUE, UNKNOWN);
        Long time = Text.optionalInteger(s, "autocommit_time", Long.MAX_VALUE, UNKNOWN);
        Long fua = Text.optionalInteger(s, "fua", Text.UINT32, UNKNOWN);
        Long nofua = Text.optionalInteger(s, "nofua", Text.UINT32, UNKNOWN);
        Long cleaner = Text.optionalInteger(s, "cleaner", Text.UINT32, UNKNOWN);
        Long maxAge = Text.optionalInteger(s, "max_age", Text.UINT32, UNKNOWN);
        String key = null;
        String value = null;
        if (s.has("writecache_setting_key")) {
            key = Text.requireString(s, "writecache_setting_key", UNKNOWN);
            value = Text.requireString(s, "writecache_setting_val", UNKNOWN);
        }
        return new WritecacheSettings(high, low, jobs, blocks, time, fua, nofua, cleaner, maxAge, key, value);
    }

    /** LVM2's {@code _writecache_text_export} of the settings: those set, {@code cleaner} only when not 0. */
    void write(SegmentWriter out) {
        optional(out, "high_watermark", highWatermark);
        optional(out, "low_watermark", lowWatermark);
        optional(out, "writeback_jobs", writebackJobs);
        optional(out, "autocommit_blocks", autocommitBlocks);
        optional(out, "autocommit_time", autocommitTime);
        optional(out, "fua", fua);
        optional(out, "nofua", nofua);
        optional(out, "cleaner", cleanerOn());
        optional(out, "max_age", maxAge);
        if (key != null && value != null) {
            out.string("writecache_setting_key", key);
            out.string("writecache_setting_val", value);
        }
    }

    /** The cleaner setting when it is on, else null (LVM2 neither writes nor passes a 0). */
    Long cleanerOn() {
        return cleaner != null && cleaner != 0 ? cleaner : null;
    }

    /** libdm's {@code _writecache_emit_segment_line} arguments, in its order. */
    List<String> targetArgs() {
        List<String> args = new ArrayList<>();
        pair(args, "high_watermark", highWatermark);
        pair(args, "low_watermark", lowWatermark);
        pair(args, "writeback_jobs", writebackJobs);
        pair(args, "autocommit_blocks", autocommitBlocks);
        pair(args, "autocommit_time", autocommitTime);
        if (fua != null) {
            args.add("fua");
        }
        if (nofua != null) {
            args.add("nofua");
        }
        if (cleanerOn() != null) {
            args.add("cleaner");
        }
        pair(args, "max_age", maxAge);
        if (key != null) {
            args.add(key);
            args.add(value);
        }
        return args;
    }

    private static void optional(SegmentWriter out, String key, Long value) {
        if (value != null) {
            out.integer(key, value);
        }
    }

    private static void pair(List<String> args, String key, Long value) {
        if (value != null) {
            args.add(key);
            args.add(Long.toString(value));
        }
    }
}
