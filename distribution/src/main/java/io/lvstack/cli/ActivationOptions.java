package io.lvstack.cli;

import picocli.CommandLine.Option;

/** LVM2 options that only concern activation or prompts, accepted and ignored: metadata is all lvstack changes. */
final class ActivationOptions {
    @Option(names = {"-a", "--activate"}, paramLabel = "y|n", description = "Accepted and ignored.") String activate;
    @Option(names = {"-Z", "--zero"}, paramLabel = "y|n", description = "Accepted and ignored.") String zero;
    @Option(names = {"-y", "--yes"}, description = "Accepted and ignored.") boolean yes;
    @Option(names = {"-f", "--force"}, description = "Accepted and ignored.") boolean[] force;
}
