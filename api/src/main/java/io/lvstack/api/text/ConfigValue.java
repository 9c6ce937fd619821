package io.lvstack.api.text;

import java.util.List;
import java.util.Objects;

/**
 * A value of LVM2's config-tree grammar (libdm {@code dm_config_value}): an integer, a float, a
 * string or an array of those. Immutable.
 */
public sealed interface ConfigValue permits ConfigValue.Int, ConfigValue.Real, ConfigValue.Str, ConfigValue.Array {

    /** What the value is, in the words error messages use. */
    String typeName();

    /** A 64-bit signed integer ({@code strtoll} range). */
    record Int(long value) implements ConfigValue {
        @Override
        public String typeName() {
            return "an integer";
        }
    }

    /** A float; LVM2 prints it back with {@code %f}. */
    record Real(double value) implements ConfigValue {
        @Override
        public String typeName() {
            return "a float";
        }
    }

    /** A string, already unescaped. {@code raw} records single-quoted input (no escapes). */
    record Str(String value, boolean raw) implements ConfigValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        public static Str of(String value) {
            return new Str(value, false);
        }

        @Override
        public String typeName() {
            return "a string";
        }
    }

    /** An array; {@code []} is the empty array (libdm's EMPTY_ARRAY). Arrays do not nest. */
    record Array(List<ConfigValue> elements) implements ConfigValue {
        public Array {
            elements = List.copyOf(elements);
            for (ConfigValue e : elements) {
                if (e instanceof Array) {
                    throw new IllegalArgumentException("arrays do not nest");
                }
            }
        }

        @Override
        public String typeName() {
            return "an array";
        }
    }
}
