package io.lvstack.benchmarks;

import io.lvstack.engine.Engine;
import io.lvstack.engine.Lvstack;
import io.lvstack.engine.check.CheckReport;
import io.lvstack.engine.check.Checker;
import io.lvstack.engine.format.ImportedVg;
import io.lvstack.engine.format.MetadataFormat;
import io.lvstack.engine.generate.VgGenerator;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading (parse, import, link) and writing LVM2 metadata of a generated VG, in process. The VG
 * is made by {@link VgGenerator} from a fixed seed, so every run measures the same bytes. The
 * throughput in MB/s is the metadata size divided by the time per operation; see
 * docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FormatBenchmark {
    /** LVs, sub-LVs included. */
    @Param({"16000"})
    int lvs;

    private MetadataFormat format;
    private byte[] text;
    private ImportedVg parsed;

    @Setup(Level.Trial)
    public void setUp() {
        Engine engine = Lvstack.engine();
        format = new MetadataFormat(engine).withZone(ZoneOffset.UTC);
        ImportedVg generated = new VgGenerator(engine).generate("vgbig", lvs, 1);
        text = format.write(generated.vg(), generated.header(), MetadataFormat.Form.FILE)
                .getBytes(StandardCharsets.UTF_8);
        parsed = format.read(text, "bench");
        System.out.printf("%n%d LVs: %d bytes of metadata%n", lvs, text.length);
    }

    /** Parse, import and link every reference. */
    @Benchmark
    public ImportedVg read() {
        return format.read(text, "bench");
    }

    /** Render the file form. */
    @Benchmark
    public String write() {
        return format.write(parsed.vg(), parsed.header(), MetadataFormat.Form.FILE);
    }

    /** Every check {@code lvstack check} makes: ids, names, segments, links both ways, single users, cycles. */
    @Benchmark
    public CheckReport check() {
        return Checker.check(parsed.vg());
    }

    /** Read, check completely and write: the in-process work of {@code lvstack check} plus {@code lvstack fmt}. */
    @Benchmark
    public String readCheckWrite() {
        ImportedVg vg = format.read(text, "bench");
        if (!Checker.check(vg.vg()).valid()) {
            throw new IllegalStateException("the generated VG does not check");
        }
        return format.write(vg.vg(), vg.header(), MetadataFormat.Form.FILE);
    }
}
