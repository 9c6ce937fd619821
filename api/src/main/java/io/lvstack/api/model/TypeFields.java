package io.lvstack.api.model;

/**
 * The fields of a segment that only its segment type understands (stripe size, region size...).
 * A segment type decodes them from text into its own immutable implementation; the engine stores
 * the object and hands it back, never looking inside.
 */
public interface TypeFields {
    /** Fields of a type that has none. */
    TypeFields NONE = new TypeFields() {
        @Override
        public String toString() {
            return "NONE";
        }
    };
}
