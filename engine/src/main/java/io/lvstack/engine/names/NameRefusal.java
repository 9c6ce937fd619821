package io.lvstack.engine.names;

import io.lvstack.api.LvstackException;

/**
 * A name LVM2 refuses, in LVM2's words, with the status an LVM2 command then exits with: a tool
 * that stands in for LVM2's commands can exit as they do.
 */
public final class NameRefusal extends LvstackException {
    private static final long serialVersionUID = 1L;

    /** LVM2's {@code EINVALID_CMD_LINE}: the command line was refused before any metadata was read. */
    public static final int EINVALID_CMD_LINE = 3;
    /** LVM2's {@code ECMD_FAILED}: the command failed on the VG (a metadata write, a sub-LV's new name). */
    public static final int ECMD_FAILED = 5;

    private final int lvmStatus;

    private NameRefusal(String message, int lvmStatus) {
        super(message);
        this.lvmStatus = lvmStatus;
    }

    public static NameRefusal commandLine(String message) {
        return new NameRefusal(message, EINVALID_CMD_LINE);
    }

    public static NameRefusal failed(String message) {
        return new NameRefusal(message, ECMD_FAILED);
    }

    /** {@link #EINVALID_CMD_LINE} or {@link #ECMD_FAILED}. */
    public int lvmStatus() {
        return lvmStatus;
    }
}
