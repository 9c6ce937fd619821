package io.lvstack.engine.disk;

/** LVM2's {@code disk_locn}: bytes {@code [offset, offset + size)} of a device; size 0 means "to the end". */
public record DiskLocation(long offset, long size) {
}
