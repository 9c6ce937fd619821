package io.lvstack.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --addtag TAG} and {@code --deltag TAG} (repeatable), as lvchange, vgchange and pvchange take them. */
final class TagOptions {
    @Option(names = "--addtag", paramLabel = "TAG", description = "Adds a tag (repeatable).")
    List<String> add = new ArrayList<>();

    @Option(names = "--deltag", paramLabel = "TAG", description = "Removes a tag (repeatable).")
    List<String> delete = new ArrayList<>();
}
