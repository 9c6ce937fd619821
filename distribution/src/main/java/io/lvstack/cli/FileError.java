package io.lvstack.cli;

import io.lvstack.api.LvstackException;

/**
 * The metadata file a command that changes metadata works on could not be read, validated or
 * written: exit status 1, as for every command that reads a file. Every other refusal of such a
 * command is exit status 5, LVM2's {@code ECMD_FAILED} (see {@link LvstackErrorHandler}).
 */
final class FileError extends LvstackException {
    private static final long serialVersionUID = 1L;

    FileError(LvstackException cause) {
        super(cause.getMessage(), cause);
    }
}
