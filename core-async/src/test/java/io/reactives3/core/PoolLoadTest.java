package io.reactives3.core;

import static io.reactives3.core.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.model.ObjectStream;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.metrics.MetricRecord;

/**
 * Issue 15, load and resources: many more operations than connections queue for the pool and all succeed; bodies
 * that are never subscribed, cancelled after their first buffer, or whose consumer throws give their connections
 * back. Pool use is read from the SDK's own HTTP metrics (leased and pending connections at each request's start).
 */
class PoolLoadTest {

    private static final int POOL = 50;
    private static final int OBJECTS = 100;
    private static final int OBJECT_SIZE = 1024;
    private static final Duration WAIT = Duration.ofMinutes(5);

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void tenThousandHeadsAndGets_concurrency1000_pool50_queueWithoutFailures(S3Target target, TestBucket bucket) {
        List<String> keys = seed(bucket);
        for (HttpTransport transport : HttpTransport.values()) {
            PoolMetrics metrics = new PoolMetrics();
            try (ReactiveS3Client s3 = TargetClients.newClient(target, b -> b.httpTransport(transport)
                    .maxConnections(POOL)
                    .connectionAcquireTimeout(Duration.ofSeconds(60))
                    .sdkCustomizer(sdk -> sdk.overrideConfiguration(o -> o.addMetricPublisher(metrics))))) {
                AtomicInteger failures = new AtomicInteger();
                AtomicLong checked = new AtomicLong();
                long started = System.nanoTime();
                Flux.range(0, 10_000)
                        .flatMap(i -> {
                            String key = keys.get(i % OBJECTS);
                            Mono<Long> op = i % 2 == 0
                                    ? s3.headObject(bucket.name(), key).map(h -> {
                                        assertThat(h.contentLength()).isEqualTo(OBJECT_SIZE);
                                        return 1L;
                                    })
                                    : s3.getObject(bucket.name(), key).map(c -> {
                                        assertThat(c.content()).isEqualTo(content(i % OBJECTS));
                                        return 1L;
                                    });
                            return op.doOnError(e -> failures.incrementAndGet()).onErrorReturn(0L);
                        }, 1000)
                        .doOnNext(checked::addAndGet)
                        .blockLast(WAIT);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(failures.get()).as(transport + ": failed operations").isZero();
                assertThat(checked.get()).as(transport + ": operations checked").isEqualTo(10_000);
                assertThat(metrics.requests.get()).as(transport + ": requests measured").isGreaterThanOrEqualTo(10_000);
                assertThat(metrics.maxConcurrency.get()).as(transport + ": MAX_CONCURRENCY").isEqualTo(POOL);
                assertThat(metrics.maxLeased.get()).as(transport + ": most connections leased").isBetween(1L, (long) POOL);
                assertThat(metrics.maxPending.get()).as(transport + ": most requests waiting for a connection")
                        .isGreaterThan(0);
                System.out.printf("%s %s: 10,000 ops in %d ms, leased <= %d, pending <= %d%n", target.kind(),
                        transport, took.toMillis(), metrics.maxLeased.get(), metrics.maxPending.get());
            }
        }
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void thousandAbandonedBodies_connectionsComeBack(S3Target target, TestBucket bucket) {
        List<String> keys = seed(bucket);
        Map<String, Function<ObjectStream, Mono<?>>> abandons = new java.util.LinkedHashMap<>();
        abandons.put("never subscribed", stream -> Mono.empty());
        abandons.put("cancelled after the first buffer", stream -> stream.body().take(1).then());
        abandons.put("consumer throws", stream -> stream.body()
                .doOnNext(b -> {
                    throw new IllegalStateException("consumer failed");
                })
                .then()
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()));
        for (HttpTransport transport : HttpTransport.values()) {
            PoolMetrics metrics = new PoolMetrics();
            try (ReactiveS3Client s3 = TargetClients.newClient(target, b -> b.httpTransport(transport)
                    .maxConnections(POOL)
                    .readTimeout(Duration.ofSeconds(1))
                    .connectionAcquireTimeout(Duration.ofSeconds(20))
                    .sdkCustomizer(sdk -> sdk.overrideConfiguration(o -> o.addMetricPublisher(metrics))))) {
                long baseline = leasedAtOneHead(s3, bucket, keys.get(0), metrics);
                for (Map.Entry<String, Function<ObjectStream, Mono<?>>> abandon : abandons.entrySet()) {
                    String what = transport + ", " + abandon.getKey();
                    long started = System.nanoTime();
                    AtomicInteger failures = new AtomicInteger();
                    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
                    Flux.range(0, 1000)
                            .flatMap(i -> s3.getObjectStream(bucket.name(), keys.get(i % OBJECTS),
                                            GetObjectOptions.defaults())
                                    .flatMap(abandon.getValue())
                                    .then()
                                    .doOnError(e -> {
                                        failures.incrementAndGet();
                                        errors.add(e);
                                    })
                                    .onErrorResume(e -> Mono.empty()), POOL)
                            .blockLast(WAIT);
                    long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    assertThat(failures.get()).as(what + ": failed streams, first " + errors.peek()).isZero();

                    // the connections came back: a HEAD finds as many leased as before, a batch gets connections
                    // the HEAD is then the only request: at most its own connection is leased (the CRT counts it
                    // at times, Netty never), as in the baseline taken before the bodies
                    long leased = awaitLeasedAtOneHead(s3, bucket, keys.get(0), metrics, 1);
                    assertThat(baseline).as(transport + ": leased connections at a HEAD before the bodies")
                            .isLessThanOrEqualTo(1);
                    assertThat(leased).as(what + ": leased connections at a HEAD after the bodies")
                            .isLessThanOrEqualTo(1);
                    AtomicInteger batchFailures = new AtomicInteger();
                    Flux.range(0, 200)
                            .flatMap(i -> s3.getObject(bucket.name(), keys.get(i % OBJECTS))
                                    .doOnNext(c -> assertThat(c.content()).isEqualTo(content(i % OBJECTS)))
                                    .doOnError(e -> batchFailures.incrementAndGet())
                                    .onErrorResume(e -> Mono.empty()), 100)
                            .blockLast(WAIT);
                    assertThat(batchFailures.get()).as(what + ": failures in the following batch").isZero();
                    System.out.printf("%s %s: 1,000 bodies in %d ms, leased after %d (baseline %d)%n", target.kind(),
                            what, tookMs, leased, baseline);
                }
            }
        }
    }

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void getObjectStream_bodySubscribedAfterTheReadTimeout_readAgainPinnedToTheETag(S3Target target,
                                                                                     TestBucket bucket) {
        byte[] content = bytes(300_000);
        bucket.put("late", content);
        bucket.put("empty", new byte[0]);
        for (HttpTransport transport : HttpTransport.values()) {
            try (ReactiveS3Client s3 = TargetClients.newClient(target, b -> b.httpTransport(transport)
                    .readTimeout(Duration.ofSeconds(1)))) {
                ObjectStream stream = s3.getObjectStream(bucket.name(), "late", GetObjectOptions.defaults())
                        .block(WAIT);
                ObjectStream empty = s3.getObjectStream(bucket.name(), "empty", GetObjectOptions.defaults())
                        .block(WAIT);
                sleep(3000);   // past the read timeout: both bodies were closed unclaimed
                target.requestLog().clear();
                assertThat(TestData.concat(stream.body().collectList().block(WAIT))).as(transport.name())
                        .isEqualTo(content);
                assertThat(empty.body().collectList().block(WAIT)).as(transport + ", empty").isEmpty();
                List<io.reactives3.testkit.RecordedRequest> gets = target.requestLog().forBucket(bucket.name())
                        .stream().filter(r -> r.operation().equals("GetObject")).toList();
                assertThat(gets).as(transport + ": GETs after the late subscription").hasSize(1);
                assertThat(gets.get(0).head().header("if-match")).as(transport.name()).isPresent();
                // a second subscription is still refused
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.body().blockLast(WAIT))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    /** {@value #OBJECTS} objects of {@value #OBJECT_SIZE} bytes, each with its own content. */
    private static List<String> seed(TestBucket bucket) {
        return IntStream.range(0, OBJECTS).mapToObj(i -> {
            String key = "o" + i;
            bucket.put(key, content(i));
            return key;
        }).toList();
    }

    /** The content of object {@code i}: {@value #OBJECT_SIZE} bytes of its own. */
    private static byte[] content(int i) {
        return java.util.Arrays.copyOf(bytes(OBJECT_SIZE + i), OBJECT_SIZE);
    }

    private static long leasedAtOneHead(ReactiveS3Client s3, TestBucket bucket, String key, PoolMetrics metrics) {
        metrics.lastLeased.set(-1);
        s3.headObject(bucket.name(), key).block(WAIT);
        // the SDK may publish the call's metrics just after the call completed
        for (int i = 0; i < 100 && metrics.lastLeased.get() < 0; i++) {
            sleep(10);
        }
        return metrics.lastLeased.get();
    }

    /** Leased connections at a HEAD, asked again for up to 10 s while it is above {@code baseline}. */
    private static long awaitLeasedAtOneHead(ReactiveS3Client s3, TestBucket bucket, String key, PoolMetrics metrics,
                                             long baseline) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long leased;
        do {
            leased = leasedAtOneHead(s3, bucket, key, metrics);
            if (leased <= baseline) {
                return leased;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        return leased;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SDK's HTTP pool metrics, the largest seen of each, and the leased count of the latest request. */
    static final class PoolMetrics implements MetricPublisher {
        final AtomicLong maxLeased = new AtomicLong();
        final AtomicLong maxPending = new AtomicLong();
        final AtomicLong maxConcurrency = new AtomicLong();
        final AtomicLong lastLeased = new AtomicLong(-1);
        final AtomicLong requests = new AtomicLong();
        final Map<String, Long> seen = new ConcurrentHashMap<>();

        @Override
        public void publish(MetricCollection metrics) {
            visit(metrics);
        }

        private void visit(MetricCollection metrics) {
            List<Integer> leased = metrics.metricValues(HttpMetric.LEASED_CONCURRENCY);
            if (!leased.isEmpty()) {
                requests.incrementAndGet();
            }
            for (MetricRecord<?> r : metrics) {
                if (r.metric() == HttpMetric.LEASED_CONCURRENCY) {
                    long v = ((Integer) r.value()).longValue();
                    maxLeased.accumulateAndGet(v, Math::max);
                    lastLeased.set(v);
                } else if (r.metric() == HttpMetric.PENDING_CONCURRENCY_ACQUIRES) {
                    maxPending.accumulateAndGet(((Integer) r.value()).longValue(), Math::max);
                } else if (r.metric() == HttpMetric.MAX_CONCURRENCY) {
                    maxConcurrency.accumulateAndGet(((Integer) r.value()).longValue(), Math::max);
                }
            }
            metrics.children().forEach(this::visit);
        }

        @Override
        public void close() {
        }
    }
}
