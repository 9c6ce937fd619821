package io.lvstack.cli;

import picocli.CommandLine.Option;

/**
 * LVM2 options that mostly concern activation or prompts: metadata is all lvstack changes, so
 * they are accepted and ignored, except where they change metadata as in LVM2 ({@code -Z} of a new
 * thin pool; {@code -y} or {@code -f} answering lvremove's question about dependent LVs).
 */
final class ActivationOptions {
    @Option(names = {"-a", "--activate"}, paramLabel = "y|n", description = "Accepted and ignored.") String activate;
    @Option(names = {"-Z", "--zero"}, paramLabel = "y|n", description = "Whether a new thin pool zeroes new blocks;"
            + " otherwise accepted and ignored.") String zero;
    @Option(names = {"-y", "--yes"}, description = "Yes to LVM2's questions (lvremove of an LV others depend on).")
    boolean yes;
    @Option(names = {"-f", "--force"}, description = "As -y for lvremove; otherwise accepted and ignored.")
    boolean[] force;
}
