package io.lvstack.cli;

import io.lvstack.api.LvstackException;
import io.lvstack.engine.names.NameRefusal;

/**
 * An LVM2 command line that LVM2 itself refuses before it reads any metadata, in LVM2's words:
 * the tool exits with LVM2's status for it, {@code EINVALID_CMD_LINE} (3).
 */
final class CommandLineRefusal extends LvstackException {
    private static final long serialVersionUID = 1L;

    static final int STATUS = NameRefusal.EINVALID_CMD_LINE;

    CommandLineRefusal(String message) {
        super(message);
    }
}
