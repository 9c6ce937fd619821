package io.lvstack.segtype.mirror;

import io.lvstack.api.SegmentType;
import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.model.TypeFields;

/**
 * How a new mirror image is laid out: linear, or striped like the LV being mirrored (a single
 * striped segment's stripe count and fields; anything else gets linear images).
 */
record Shape(int stripes, TypeFields fields) {
    static final Shape LINEAR = new Shape(1, null);

    static Shape of(LvView lv, SegmentType plain) {
        if (lv.segments().size() == 1) {
            SegmentView s = lv.segments().get(0);
            if (s.type() == plain && s.areaCount() > 1) {
                return new Shape(s.areaCount(), s.fields());
            }
        }
        return new Shape(1, null);
    }

    /** The fields of an image segment: the original's for striped images, linear otherwise. */
    TypeFields fieldsOr(TypeFields linear) {
        return fields == null ? linear : fields;
    }
}
