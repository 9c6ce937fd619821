package io.lvstack.api;

import java.util.List;

/**
 * A segment a type cannot read, found after it read LV names that LVM2 looks up as it goes (raid's
 * {@code raids} pairs): LVM2 reports a name that does not exist before the error found later, so
 * the engine resolves {@link #names} first and reports the first missing one in the type's words
 * for an unresolved area; only when all exist is this error reported.
 * @since SPI 2.1
 */
public final class AfterNamesError extends MetadataException {
    private static final long serialVersionUID = 1L;
    private final List<String> names;

    /** @param names the LV names read before the error, in the order they were read */
    public AfterNamesError(int line, String message, List<String> names) {
        super(line, message);
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }
}
