package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.testing.TargetClients;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A SlowDown storm: many concurrent transfers against a store that answers {@code 503 SlowDown} to one request in
 * three. Every transfer succeeds with exact bytes, within a bounded number of attempts, and the retries of the
 * throttled requests are spread in time (jittered backoff), not sent back in lockstep.
 */
class SlowDownStormTest {

    private static final int TRANSFERS = 40;
    private static final long SIZE = 200 * 1024;

    @S3Test(only = {StoreKind.S3PROXY, StoreKind.CEPH_RGW})
    void reactor_concurrentTransfersUnderSlowDown_allSucceedWithJitteredRetries(S3Target target, TestBucket bucket,
                                                                               @TempDir Path dir) throws Exception {
        storm(target, bucket, dir, TransferBackend.REACTOR);
    }

    @S3Test(only = StoreKind.CEPH_RGW)
    void crt_concurrentTransfersUnderSlowDown_allSucceedWithJitteredRetries(S3Target target, TestBucket bucket,
                                                                           @TempDir Path dir) throws Exception {
        storm(target, bucket, dir, TransferBackend.CRT);
    }

    private static void storm(S3Target target, TestBucket bucket, Path dir, TransferBackend backend)
            throws Exception {
        for (int i = 0; i < TRANSFERS; i++) {
            bucket.put("down-" + i, TestData.bytes(SIZE, 100 + i));
            TestData.file(dir.resolve("up-" + i), SIZE, 200 + i);
        }
        target.requestLog().clear();
        AtomicLong seen = new AtomicLong();
        Instant start = Instant.now();
        try (S3TransferEngine engine = S3TransferEngine.create(TargetClients.client(target),
                Engines.settings(backend));
             var storm = target.faults().add(Fault.on(head -> head.bucket().isPresent()
                     && seen.incrementAndGet() % 3 == 0).slowDown())) {
            List<Mono<?>> transfers = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                transfers.add(engine.uploadFile(dir.resolve("up-" + i), bucket.name(), "up-" + i).result());
                transfers.add(engine.downloadFile(bucket.name(), "down-" + i, dir.resolve("got-" + i)).result());
            }
            List<?> results = Flux.fromIterable(transfers).flatMap(m -> m, 2 * TRANSFERS).collectList()
                    .block(TIMEOUT);
            assertThat(results).hasSize(2 * TRANSFERS);
            assertThat(storm.applied()).isGreaterThan(TRANSFERS / 2);
        }
        Duration took = Duration.between(start, Instant.now());
        for (int i = 0; i < TRANSFERS; i++) {
            assertThat(Files.readAllBytes(dir.resolve("got-" + i))).isEqualTo(TestData.bytes(SIZE, 100 + i));
            assertThat(bucket.get("up-" + i)).isEqualTo(TestData.bytes(SIZE, 200 + i));
        }
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        List<RecordedRequest> log = target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.key().isPresent()).toList();
        // attempts per request (method and key; transfers here are single requests plus a HEAD per download)
        Map<String, List<RecordedRequest>> attempts = log.stream().collect(Collectors.groupingBy(
                r -> r.operation() + " " + r.key().orElseThrow()));
        int mostAttempts = attempts.values().stream().mapToInt(List::size).max().orElseThrow();
        // bounded: never more than the budget, the SDK's attempts per call times the engine's attempts per request
        int budget = TargetClients.client(target).settings().maxAttempts()
                * Engines.settings(backend).maxPartAttempts();
        assertThat(mostAttempts).isLessThanOrEqualTo(budget);
        assertThat(log.size()).isLessThan(4 * 3 * TRANSFERS);
        // jitter: the pause between a SlowDown and the next attempt of the same request differs from one to another
        List<Long> pauses = new ArrayList<>();
        for (List<RecordedRequest> tries : attempts.values()) {
            List<RecordedRequest> ordered = tries.stream().sorted(Comparator.comparing(RecordedRequest::startedAt))
                    .toList();
            for (int i = 0; i + 1 < ordered.size(); i++) {
                RecordedRequest failed = ordered.get(i);
                if (failed.status() == 503) {
                    Instant answered = failed.startedAt().plus(failed.duration());
                    pauses.add(Duration.between(answered, ordered.get(i + 1).startedAt()).toMillis());
                }
            }
        }
        assertThat(pauses).hasSizeGreaterThan(10);
        long min = pauses.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = pauses.stream().mapToLong(Long::longValue).max().orElseThrow();
        long distinct = pauses.stream().map(p -> p / 10).distinct().count(); // 10 ms buckets
        System.out.printf("%s storm: %d transfers in %d ms, %d SlowDowns retried, pauses %d..%d ms, %d distinct "
                + "10 ms buckets, at most %d attempts (budget %d), %d requests%n", backend, 2 * TRANSFERS, took.toMillis(),
                pauses.size(), min, max, distinct, mostAttempts, budget, log.size());
        assertThat(max - min).as("spread of retry pauses (ms)").isGreaterThan(50);
        assertThat(distinct).as("distinct 10 ms buckets of retry pauses").isGreaterThan(pauses.size() / 4);
    }
}
