package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.ops.LvSize;

/** {@code -L} or {@code -l}, exactly one of them, as LVM2 requires. */
final class SizeArgs {
    private SizeArgs() {
    }

    static LvSize of(String size, String extents) {
        if ((size == null) == (extents == null)) {
            throw new LvstackException("Please specify either size or extents but not both.");
        }
        LvSize parsed = size != null ? LvSize.ofSize(size) : LvSize.ofExtents(extents);
        if (parsed.isZero()) {
            throw new LvstackException((size != null ? "--size" : "--extents") + " may not be zero.");
        }
        return parsed;
    }

    static long integer(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LvstackException("Invalid argument for " + option + ": " + text);
        }
    }

    /** An unsigned size option in sectors ({@code --chunksize 64}, {@code --poolmetadatasize 8m}), {@code unit} by default. */
    static long sectors(String text, char unit, String option) {
        String t = text.trim();
        String withUnit = !t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1)) ? t + unit : t;
        LvSize size;
        try {
            size = LvSize.ofSize(withUnit);
        } catch (LvstackException e) {
            throw new CommandLineRefusal("Invalid argument for " + option + ": " + text);
        }
        if (size.sign() != 0) {
            throw new CommandLineRefusal("Invalid argument for " + option + ": " + text);
        }
        return size.sectors();
    }
}
