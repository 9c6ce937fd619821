/**
 * The plugin test kit's engine-backed part: {@link io.lvstack.testkit.harness.PluginHarness}, a
 * real engine with the plugin under test, to read, write back, check and report on metadata as
 * the {@code lvstack} tool does, and to hold the reports to LVM2's own
 * ({@link io.lvstack.testkit.harness.Lvm2Answers}). The engine-free fakes, recorders and contract
 * checks are in {@code io.lvstack.testkit}.
 */
package io.lvstack.testkit.harness;
