package io.lvstack.segtype.snapshot;

import io.lvstack.api.model.TypeFields;

/**
 * A snapshot segment's own fields: its chunk size in sectors, and whether it is merging into its
 * origin (LVM2 then writes {@code merging_store} instead of {@code cow_store}).
 */
public record SnapshotFields(long chunkSize, boolean merging) implements TypeFields {
}
