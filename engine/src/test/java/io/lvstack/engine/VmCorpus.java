package io.lvstack.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of {@code ../shared/corpus/lvm2-vm} a plugin's corpus test reads: the metadata files
 * and the versions in the PV heads whose text a predicate picks (the ones with the plugin's types).
 */
public final class VmCorpus {
    public static final Path DIR = Path.of("../../shared/corpus/lvm2-vm");

    private VmCorpus() {
    }

    /** One metadata version found in a PV head: its case, seqno and text (VG part first, then LVM2's header). */
    public record HeadText(String caseName, long seqno, String text) {
        @Override
        public String toString() {
            return caseName + " seqno " + seqno;
        }
    }

    /** Every {@code .vg} file whose text {@code picked} takes, sorted. */
    public static Stream<Path> files(Predicate<String> picked) throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".vg")).filter(p -> picked.test(read(p))).sorted().toList()
                    .stream();
        }
    }

    /** Every version in the first PV head of every case whose text {@code picked} takes (older ones included). */
    public static Stream<HeadText> headTexts(Predicate<String> picked) throws IOException {
        List<HeadText> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path tar : s.filter(p -> p.toString().endsWith(".heads.tar.gz")).sorted().toList()) {
                String caseName = tar.getFileName().toString().replace(".heads.tar.gz", "");
                for (VmHeads.Version v : VmHeads.versions(tar)) {
                    if (picked.test(v.text())) {
                        out.add(new HeadText(caseName, v.seqno(), v.text()));
                    }
                }
            }
        }
        return out.stream();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
