package io.reactives3.benchmarks;

import io.reactives3.core.ListObjectsOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TargetOptions;
import io.reactives3.testkit.TestBucket;
import java.time.Duration;
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
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Per-call overhead of the reactive client over the raw SDK {@link S3AsyncClient}, measured in the same run against
 * the same server: one HeadObject, and listing 10,000 keys (10 pages of 1,000). The reactive client wraps an SDK
 * client configured identically, so the difference is what this library adds (records, Mono plumbing, paging).
 *
 * <p>The server is the testkit's S3Proxy by default, reached directly (no recording proxy);
 * {@code -Dbench.target=ceph-rgw} uses Ceph RGW. Run with {@code scripts/bench-client-overhead.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ClientOverheadBenchmark {

    static final int KEYS = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Param({"s3proxy"})
    public String target;

    private S3Target server;
    private TestBucket bucket;
    private S3AsyncClient raw;
    private ReactiveS3Client reactive;

    @Setup(Level.Trial)
    public void setUp() {
        server = S3Targets.start(TargetOptions.of(StoreKind.fromId(System.getProperty("bench.target", target)))
                .withRecording(false));
        bucket = TestBucket.create(server, "client-overhead");
        bucket.seed(KEYS, i -> String.format("keys/%05d", i));
        StoreProfile profile = server.kind() == StoreKind.CEPH_RGW ? StoreProfile.CEPH : StoreProfile.S3PROXY;
        reactive = ReactiveS3Client.builder().profile(profile).endpoint(server.endpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).pathStyle(true).build();
        raw = S3AsyncClient.builder().endpointOverride(server.endpoint()).region(server.region())
                .credentialsProvider(server.credentialsProvider()).forcePathStyle(true)
                .requestChecksumCalculation(profile.checksumMode() == io.reactives3.core.ChecksumMode.WHEN_REQUIRED
                        ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        reactive.close();
        bucket.close();
        server.close();
    }

    @Benchmark
    public Object headObject_rawSdk() {
        return raw.headObject(b -> b.bucket(bucket.name()).key("keys/00042")).join();
    }

    @Benchmark
    public Object headObject_reactive() {
        return reactive.headObject(bucket.name(), "keys/00042").block(TIMEOUT);
    }

    @Benchmark
    public long list10k_rawSdk() {
        long count = 0;
        String token = null;
        do {
            String next = token;
            ListObjectsV2Response page = raw.listObjectsV2(b -> b.bucket(bucket.name()).maxKeys(1000)
                    .continuationToken(next)).join();
            count += page.keyCount();
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return check(count);
    }

    @Benchmark
    public long list10k_reactive() {
        return check(reactive.listObjects(bucket.name(), ListObjectsOptions.builder().pageSize(1000).build())
                .count().block(TIMEOUT));
    }

    private static long check(long count) {
        if (count != KEYS) {
            throw new IllegalStateException("listed " + count + " keys, expected " + KEYS);
        }
        return count;
    }
}
