package io.lvstack.testkit;

/** The toy type's one field: its region size in sectors. */
record ToyFields(long region) implements ToyType.Region {
}
