package io.lvstack.engine.report;

/** A typed report cell: text, a whole number, or a size in sectors (shown in the chosen units). */
public sealed interface Value permits Value.Text, Value.Number, Value.Size {

    /** Text, with the key it sorts by (a hidden LV shows as {@code [name]} but sorts as {@code name}). */
    record Text(String text, String sortKey) implements Value {
        public static Text of(String s) {
            return new Text(s, s);
        }
    }

    record Number(long value) implements Value {
    }

    /** A size in 512-byte sectors. */
    record Size(long sectors) implements Value {
    }

    Text EMPTY = Text.of("");
}
