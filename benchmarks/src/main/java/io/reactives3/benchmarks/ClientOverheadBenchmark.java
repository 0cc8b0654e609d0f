package io.reactives3.benchmarks;

import io.reactives3.testkit.StoreKind;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call overhead of the reactive client over the raw SDK {@code S3AsyncClient} it wraps (same configuration, same
 * connection pool), against the same server: one HeadObject, and listing 10,000 keys (10 pages of 1,000). The
 * difference is what this library adds (argument checks, Mono plumbing, records, paging).
 *
 * <p>The server is the testkit's S3Proxy by default, reached directly (no recording proxy);
 * {@code -p target=ceph-rgw} uses Ceph RGW. Run with {@code scripts/bench-client-overhead.sh}. Raw and reactive run
 * minutes apart here, so server-side drift enters the comparison; {@link PairedOverheadBenchmark} interleaves them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ClientOverheadBenchmark {

    @Param({"s3proxy"})
    public String target;

    private OverheadFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new OverheadFixture(StoreKind.fromId(System.getProperty("bench.target", target)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Object headObject_rawSdk() {
        return fixture.headRaw();
    }

    @Benchmark
    public Object headObject_reactive() {
        return fixture.headReactive();
    }

    @Benchmark
    public long list10k_rawSdk() {
        return fixture.listRaw();
    }

    @Benchmark
    public long list10k_reactive() {
        return fixture.listReactive();
    }
}
