package io.lvstack.api.report;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.PvView;
import java.util.Objects;

/** A value a segment type gives a report field; the engine formats it as LVM2 does. */
public sealed interface FieldValue permits FieldValue.Lv, FieldValue.Pv, FieldValue.Text, FieldValue.Size,
        FieldValue.Number {

    /** An LV, shown by name ({@code [name]} when hidden). */
    record Lv(LvView lv) implements FieldValue {
        public Lv {
            Objects.requireNonNull(lv, "lv");
        }
    }

    /** A PV, shown by its device name. */
    record Pv(PvView pv) implements FieldValue {
        public Pv {
            Objects.requireNonNull(pv, "pv");
        }
    }

    record Text(String text) implements FieldValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A size in sectors, shown in the report's units. */
    record Size(long sectors) implements FieldValue {
    }

    record Number(long value) implements FieldValue {
    }
}
