package io.lvstack.api.ops;

import io.lvstack.api.LvstackException;

/**
 * A type's operation refuses the command line itself, as LVM2 does before it reads any metadata
 * (an option the type takes none of: {@code Command does not accept option: --stripes 2.}); the
 * tool exits with LVM2's status for a bad command line, 3, and changes nothing.
 * @since SPI 2.0
 */
public class BadCommandLine extends LvstackException {
    private static final long serialVersionUID = 1L;

    public BadCommandLine(String message) {
        super(message);
    }
}
